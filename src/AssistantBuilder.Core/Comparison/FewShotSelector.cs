using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// Picks the k training exchanges most similar to a question (BM25 over the examples' user turns). The candidates
/// are the first user turn of each training conversation with the assistant turn that answers it: a first turn
/// stands on its own, while later turns ("And Fiber 1000?") need their context. Identical user turns count once.
/// </summary>
public sealed class FewShotSelector
{
    readonly Bm25Index _index;

    public FewShotSelector(IEnumerable<FewShotExample> examples)
    {
        Examples = examples.DistinctBy(e => e.User.Trim(), StringComparer.Ordinal).ToList();
        _index = new Bm25Index(Examples.Select(e => e.User));
    }

    public IReadOnlyList<FewShotExample> Examples { get; }

    public static FewShotSelector FromConversations(IEnumerable<Conversation> conversations) => new(ExamplesOf(conversations));

    /// <summary>The first user turn and the assistant turn right after it, of each conversation that has both.</summary>
    public static IEnumerable<FewShotExample> ExamplesOf(IEnumerable<Conversation> conversations)
    {
        foreach (var c in conversations)
        {
            int user = -1;
            for (int i = 0; i < c.Turns.Count; i++) if (c.Turns[i].Role == Roles.User) { user = i; break; }
            if (user >= 0 && user + 1 < c.Turns.Count && c.Turns[user + 1].Role == Roles.Assistant)
                yield return new FewShotExample(c.Turns[user].Content, c.Turns[user + 1].Content);
        }
    }

    /// <summary>Up to k examples for the question, most similar first; none that share no word with it.</summary>
    public IReadOnlyList<FewShotExample> Select(string question, int k) => _index.Top(question, k).Select(i => Examples[i]).ToList();
}
