using System.Text.Json;
using System.Text.Json.Serialization;
using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Training;

/// <summary>
/// One event of a job as the API, the hub and the pages see it: <c>data</c>, <c>step</c>, <c>eval</c>, <c>checkpoint</c>,
/// <c>done</c> (the trainer's JSON lines, snake_case) or <c>log</c> (<c>{"line": ...}</c>).
/// </summary>
public sealed record JobEventDto(long Id, Guid JobId, string Kind, int Step, DateTime At, JsonElement Data)
{
    /// <summary>The worker whose attempt wrote the event (null for notes written by a web node).</summary>
    public Guid? WorkerId { get; init; }

    /// <summary>Read from the database by <see cref="JobFeedPoller"/> (another worker wrote it), not published by this node's own worker.</summary>
    [JsonIgnore] public bool Polled { get; init; }

    /// <summary>False when another node relays it to the hub already (see <see cref="JobFeedPoller"/>); <see cref="HubRelay"/> then skips it.</summary>
    [JsonIgnore] public bool RelayToHub { get; init; } = true;

    public static JobEventDto From(TrainingJobEvent e) =>
        new(e.Id, e.JobId, e.Kind, e.Step, DateTime.SpecifyKind(e.At, DateTimeKind.Utc), Parse(e.Json)) { WorkerId = e.WorkerId };

    static JsonElement Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return doc.RootElement.Clone();
    }
}

/// <summary>Where a job stands: published on every change of its status or progress.</summary>
public sealed record JobProgressDto(
    Guid JobId,
    [property: JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))] JobStatus Status,
    int Step, int TotalSteps, double? TrainLoss, double? EvalLoss, double ElapsedSeconds, int Attempts, bool CancelRequested,
    string? Error, DateTime? StartedAt, DateTime? FinishedAt)
{
    /// <summary>Read from the database by <see cref="JobFeedPoller"/>, not published by this node's own worker.</summary>
    [JsonIgnore] public bool Polled { get; init; }

    /// <summary>False when another node relays it to the hub already; <see cref="HubRelay"/> then skips it.</summary>
    [JsonIgnore] public bool RelayToHub { get; init; } = true;

    public static JobProgressDto From(TrainingJob j) => new(j.Id, j.Status, j.Step, j.TotalSteps, j.TrainLoss, j.EvalLoss, j.ElapsedSeconds,
        j.Attempts, j.CancelRequested, j.Error, Utc(j.StartedAt), Utc(j.FinishedAt));

    internal static DateTime? Utc(DateTime? t) => t is { } v ? DateTime.SpecifyKind(v, DateTimeKind.Utc) : null;
}
