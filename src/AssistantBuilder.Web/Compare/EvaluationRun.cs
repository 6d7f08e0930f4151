using System.Text.Json.Serialization;
using AssistantBuilder.Core.Comparison;

namespace AssistantBuilder.Web.Compare;

/// <summary>One held-out evaluation: what it runs, how far it got, and its report once done.</summary>
public sealed record EvaluationRun(Guid Id, Guid AssistantId, string AssistantName, Guid? VersionId, string DataFile, int Total, DateTime CreatedAt)
{
    [JsonConverter(typeof(JsonStringEnumConverter<EvaluationState>))]
    public EvaluationState State { get; init; } = EvaluationState.Running;
    public int Done { get; init; }
    public string? Error { get; init; }
    public EvaluationReport? Report { get; init; }
}
