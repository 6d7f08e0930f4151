namespace AssistantBuilder.Web.Assistants;

/// <summary>A completed training job offered as a new version, with why it cannot be used when it cannot (else null).</summary>
public sealed record CompletedJobOption(Guid Id, string Name, string BaseModelName, DateTime? FinishedAt, double? EvalLoss, double? TrainLoss,
    int? UsedAsVersion, string? Problem);
