namespace AssistantBuilder.Data;

/// <summary>
/// One blind side-by-side vote: the assistant and its live adapter version at the time (null: none), the question,
/// the contestants in the order shown as A, B(, C) (e.g. "Prompted,FineTuned"), the choice (A, B, C, tie,
/// both-bad) and the contestant it picked (null for tie and both-bad).
/// </summary>
public sealed class CompareVote
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AssistantId { get; set; }
    public Guid? VersionId { get; set; }
    public required string Question { get; set; }
    public required string ContestantOrder { get; set; }
    public required string Choice { get; set; }
    public string? Winner { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
