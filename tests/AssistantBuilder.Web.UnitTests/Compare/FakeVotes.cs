using AssistantBuilder.Web.Compare;

namespace AssistantBuilder.Web.UnitTests.Compare;

/// <summary>Keeps the votes it is given, in memory.</summary>
sealed class FakeVotes : IVoteRecorder
{
    public List<VoteInput> Recorded { get; } = [];

    public Task<VoteSummary> RecordAsync(VoteInput vote, CancellationToken ct = default)
    {
        Recorded.Add(vote);
        return SummaryAsync(vote.AssistantId, null, ct);
    }

    public Task<VoteSummary> SummaryAsync(Guid assistantId, Guid? versionId = null, CancellationToken ct = default) =>
        Task.FromResult(new VoteSummary(assistantId, versionId, Recorded.Count, 0, 0,
            [new WinRate("FineTuned", 0, Recorded.Count, 0, 0, 0.79), new WinRate("Prompted", Recorded.Count, Recorded.Count, 1, 0.21, 1)]));
}
