namespace AssistantBuilder.Jobs;

/// <summary>What renewing a job's lease found: whether this worker still holds it, and whether an operator asked to cancel the job.</summary>
public sealed record LeaseRenewal(bool Held, bool CancelRequested);
