using AssistantBuilder.Core.Comparison;
using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Compare;

/// <summary>
/// Blind votes in the database, per assistant and live adapter version. A contestant's win rate is its wins over
/// the votes where it was shown (ties and both-bad count as votes it did not win), with a Wilson 95 % interval.
/// </summary>
public sealed class VoteStore(IDbContextFactory<AppDbContext> dbs) : IVoteRecorder
{
    public async Task<VoteSummary> RecordAsync(VoteInput vote, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(vote.Question)) throw new CompareRequestException("question", "the question is empty");
        if (vote.Order is null || vote.Order.Count is < 2 or > 3 || vote.Order.Distinct().Count() != vote.Order.Count
            || vote.Order.Any(o => !Enum.TryParse<ContestantKind>(o, out _)))
            throw new CompareRequestException("order", "order must list 2 or 3 different contestants: FineTuned, Prompted, External");
        var (winner, error) = VoteChoices.Resolve(vote.Choice ?? "", vote.Order);
        if (error is not null) throw new CompareRequestException("choice", error);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assistant = await db.Assistants.FindAsync([vote.AssistantId], ct)
            ?? throw new CompareRequestException("assistantId", $"assistant {vote.AssistantId} not found", notFound: true);
        db.CompareVotes.Add(new CompareVote
        {
            AssistantId = assistant.Id, VersionId = assistant.ActiveVersionId, Question = vote.Question.Trim(),
            ContestantOrder = string.Join(',', vote.Order), Choice = vote.Choice!, Winner = winner,
        });
        await db.SaveChangesAsync(ct);
        return await SummaryAsync(assistant.Id, assistant.ActiveVersionId, ct);
    }

    public async Task<VoteSummary> SummaryAsync(Guid assistantId, Guid? versionId = null, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var assistant = await db.Assistants.FindAsync([assistantId], ct)
            ?? throw new CompareRequestException("assistantId", $"assistant {assistantId} not found", notFound: true);
        versionId ??= assistant.ActiveVersionId;
        var votes = await db.CompareVotes.Where(v => v.AssistantId == assistantId && v.VersionId == versionId).ToListAsync(ct);
        var rates = Enum.GetNames<ContestantKind>()
            .Select(kind =>
            {
                var shown = votes.Where(v => v.ContestantOrder.Split(',').Contains(kind)).ToList();
                int wins = shown.Count(v => v.Winner == kind);
                var (low, high) = WilsonInterval.Compute(wins, shown.Count);
                return new WinRate(kind, wins, shown.Count, shown.Count == 0 ? 0 : (double)wins / shown.Count, low, high);
            })
            .Where(r => r.Votes > 0).ToList();
        return new VoteSummary(assistantId, versionId, votes.Count, votes.Count(v => v.Choice == VoteChoices.Tie), votes.Count(v => v.Choice == VoteChoices.BothBad), rates);
    }
}
