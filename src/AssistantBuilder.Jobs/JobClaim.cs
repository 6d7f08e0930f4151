namespace AssistantBuilder.Jobs;

/// <summary>A job a worker has just claimed: queued, or taken over from <see cref="PreviousOwner"/> whose lease had expired.</summary>
public sealed record JobClaim(Guid JobId, bool TakenOver, Guid? PreviousOwner);
