namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// Answer-versus-reference scores over <see cref="TextTokens.Words"/>. Token F1 is SQuAD's: the harmonic mean of
/// precision (shared words / answer words) and recall (shared words / reference words), shared words counted as a
/// multiset. ROUGE-L is the F-measure (β = 1) over the longest common subsequence of words: P = LCS / answer words,
/// R = LCS / reference words. Both are 1 when both texts are empty and 0 when only one is.
/// </summary>
public static class AnswerMetrics
{
    public static double TokenF1(string answer, string reference)
    {
        var a = TextTokens.Words(answer);
        var r = TextTokens.Words(reference);
        if (a.Count == 0 || r.Count == 0) return a.Count == r.Count ? 1 : 0;
        var remaining = r.GroupBy(w => w, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        int shared = 0;
        foreach (var w in a)
            if (remaining.TryGetValue(w, out int n) && n > 0) { shared++; remaining[w] = n - 1; }
        return F(shared, a.Count, r.Count);
    }

    public static double RougeL(string answer, string reference)
    {
        var a = TextTokens.Words(answer);
        var r = TextTokens.Words(reference);
        if (a.Count == 0 || r.Count == 0) return a.Count == r.Count ? 1 : 0;
        return F(LongestCommonSubsequence(a, r), a.Count, r.Count);
    }

    /// <summary>Length of the longest common subsequence (dynamic programming, two rows).</summary>
    public static int LongestCommonSubsequence(IReadOnlyList<string> x, IReadOnlyList<string> y)
    {
        var previous = new int[y.Count + 1];
        var current = new int[y.Count + 1];
        for (int i = 1; i <= x.Count; i++)
        {
            for (int j = 1; j <= y.Count; j++)
                current[j] = string.Equals(x[i - 1], y[j - 1], StringComparison.Ordinal) ? previous[j - 1] + 1 : Math.Max(previous[j], current[j - 1]);
            (previous, current) = (current, previous);
        }
        return previous[y.Count];
    }

    static double F(int overlap, int answerLength, int referenceLength)
    {
        if (overlap == 0) return 0;
        double precision = (double)overlap / answerLength, recall = (double)overlap / referenceLength;
        return 2 * precision * recall / (precision + recall);
    }

    /// <summary>Perplexity from per-token natural-log probabilities: exp(−mean log p). Null for no tokens.</summary>
    public static double? Perplexity(IReadOnlyCollection<double> logProbs) =>
        logProbs.Count == 0 ? null : Math.Exp(-logProbs.Average());
}
