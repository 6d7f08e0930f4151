namespace AssistantBuilder.Web.Compare;

/// <summary>Stores blind votes and sums them up per assistant version.</summary>
public interface IVoteRecorder
{
    /// <summary>Stores a vote against the assistant's live version; throws <see cref="CompareRequestException"/> for bad input.</summary>
    Task<VoteSummary> RecordAsync(VoteInput vote, CancellationToken ct = default);

    /// <summary>The votes on the assistant's live version (or another version).</summary>
    Task<VoteSummary> SummaryAsync(Guid assistantId, Guid? versionId = null, CancellationToken ct = default);
}
