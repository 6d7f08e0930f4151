using System.Text.Json.Serialization;
using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Training;

/// <summary>A training job as the API returns it. <see cref="QueuePosition"/> is 1 for the next job to run on its device.</summary>
public sealed record JobDto(
    Guid Id, string Name, Guid BaseModelId, string BaseModelName, Guid DatasetId, string DatasetName, TrainingSettings Settings,
    [property: JsonConverter(typeof(JsonStringEnumConverter<JobStatus>))] JobStatus Status,
    string Device, int? QueuePosition, DateTime CreatedAt, DateTime? StartedAt, DateTime? FinishedAt, double ElapsedSeconds, int Attempts,
    int Step, int TotalSteps, double? TrainLoss, double? EvalLoss, string? Error, bool CancelRequested, string OutputDir)
{
    /// <summary>The finished adapter's folder (relative to the data directory), once the job has completed.</summary>
    public string? AdapterDir => Status == JobStatus.Completed ? OutputDir : null;

    public JobDto With(JobProgressDto p) => this with
    {
        Status = p.Status, Step = p.Step, TotalSteps = p.TotalSteps, TrainLoss = p.TrainLoss, EvalLoss = p.EvalLoss, ElapsedSeconds = p.ElapsedSeconds,
        Attempts = p.Attempts, CancelRequested = p.CancelRequested, Error = p.Error, StartedAt = p.StartedAt, FinishedAt = p.FinishedAt,
        QueuePosition = p.Status == JobStatus.Queued ? QueuePosition : null,
    };
}

/// <summary>What POST /api/jobs takes: a base model, a dataset, and optionally a name, hyperparameters and a device.</summary>
public sealed record CreateJobRequest(Guid BaseModelId, Guid DatasetId, string? Name = null, TrainingSettings? Settings = null, string? Device = null);
