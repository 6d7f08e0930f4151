using AssistantBuilder.Core.Comparison;
using MeaiMessage = Microsoft.Extensions.AI.ChatMessage;
using MeaiRole = Microsoft.Extensions.AI.ChatRole;

namespace AssistantBuilder.Web.Compare;

/// <summary>
/// The side-by-side page's state for one circuit: the question, one column per contestant streaming at the same
/// time, and in blind mode the shuffled order, the vote and the win rates it produced. Names stay hidden in blind
/// mode until the vote is in.
/// </summary>
public sealed class CompareSession(CompareSetup setup, IVoteRecorder votes)
{
    public Guid AssistantId { get; private set; }
    public string Question { get; private set; } = "";
    public IReadOnlyList<CompareColumn> Columns { get; private set; } = [];
    public bool Blind { get; private set; }
    public string? Vote { get; private set; }
    public VoteSummary? Summary { get; private set; }
    public bool Running => Columns.Any(c => !c.Done);
    public bool NamesVisible => !Blind || Vote is not null;
    public bool CanVote => Blind && Vote is null && Columns.Count > 1 && !Running;

    /// <summary>Raised after every streamed piece and state change (from any thread).</summary>
    public event Action? Changed;

    public async Task AskAsync(AnswersInput input, bool blind, CancellationToken ct = default)
    {
        var lineup = await setup.LineupAsync(input.AssistantId, input.ExamplesDatasetId, input.FewShot, input.IncludeExternal, input.External, null, ct);
        var contestants = blind ? lineup.Contestants.OrderBy(_ => Random.Shared.Next()).ToList() : lineup.Contestants.ToList();
        Load(input.AssistantId, input.Question.Trim(), contestants.Select((c, i) => new CompareColumn(VoteChoices.Labels[i], c.Name, c.Kind.ToString())).ToList(), blind);
        Summary = blind ? await votes.SummaryAsync(input.AssistantId, null, ct) : null;
        var conversation = new[] { new MeaiMessage(MeaiRole.User, Question) };
        await Task.WhenAll(contestants.Select((c, i) => StreamAsync(c, Columns[i], conversation, ct)));
    }

    /// <summary>Sets up the columns for a question (the page after a lineup; tests directly).</summary>
    public void Load(Guid assistantId, string question, IReadOnlyList<CompareColumn> columns, bool blind)
    {
        (AssistantId, Question, Columns, Blind, Vote) = (assistantId, question, columns, blind, null);
        Changed?.Invoke();
    }

    async Task StreamAsync(Contestant contestant, CompareColumn column, IReadOnlyList<MeaiMessage> conversation, CancellationToken ct)
    {
        await Task.Yield(); // every column starts before any streams
        try
        {
            AnswerStats? stats = null;
            await foreach (var u in contestant.StreamAsync(conversation, ct))
            {
                column.Append(u.Text);
                stats ??= u.Final;
                if (u.Text.Length > 0) Changed?.Invoke();
            }
            column.Finish(stats);
        }
        catch (Exception ex) when (ex is not OperationCanceledException) { column.Finish(null, ex.Message); }
        catch (OperationCanceledException) { column.Finish(null, "cancelled"); }
        Changed?.Invoke();
    }

    /// <summary>Stores the vote (A, B, C, tie, both-bad) with the order shown, then reveals the names.</summary>
    public async Task VoteAsync(string choice, CancellationToken ct = default)
    {
        if (!CanVote) throw new InvalidOperationException("no blind comparison is waiting for a vote");
        Summary = await votes.RecordAsync(new VoteInput(AssistantId, Question, Columns.Select(c => c.Kind).ToList(), choice), ct);
        Vote = choice;
        Changed?.Invoke();
    }

    public Task<IReadOnlyList<CompareChoice>> AssistantsAsync(CancellationToken ct = default) => setup.AssistantsAsync(ct);
    public Task<IReadOnlyList<CompareChoice>> DatasetsAsync(CancellationToken ct = default) => setup.DatasetsAsync(ct);
    public bool ExternalConfigured => setup.ExternalConfigured;
}
