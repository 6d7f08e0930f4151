namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// Okapi BM25 over short documents (the user turns of a training set), for picking few-shot examples similar to a
/// question. For a query Q and a document D:
/// <code>score(D, Q) = Σ over distinct terms q of Q:  idf(q) · f(q,D) · (k1 + 1) / (f(q,D) + k1 · (1 − b + b · |D| / avgdl))</code>
/// with idf(q) = ln(1 + (N − n(q) + 0.5) / (n(q) + 0.5)) (Lucene's form, never negative), f(q,D) the count of q in D,
/// |D| its length in words, avgdl the mean length, N the number of documents and n(q) how many contain q;
/// k1 = 1.2, b = 0.75. Words are <see cref="TextTokens.Words"/>.
/// </summary>
public sealed class Bm25Index
{
    public const double K1 = 1.2, B = 0.75;

    readonly List<Dictionary<string, int>> _counts;
    readonly int[] _lengths;
    readonly Dictionary<string, int> _documentFrequency = new(StringComparer.Ordinal);
    readonly double _averageLength;

    public Bm25Index(IEnumerable<string> documents)
    {
        _counts = [];
        var lengths = new List<int>();
        foreach (var doc in documents)
        {
            var words = TextTokens.Words(doc);
            var counts = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var w in words) counts[w] = counts.GetValueOrDefault(w) + 1;
            foreach (var w in counts.Keys) _documentFrequency[w] = _documentFrequency.GetValueOrDefault(w) + 1;
            _counts.Add(counts);
            lengths.Add(words.Count);
        }
        _lengths = [.. lengths];
        _averageLength = _lengths.Length == 0 ? 0 : _lengths.Average();
    }

    public int Count => _counts.Count;

    public double Idf(string term)
    {
        int n = _documentFrequency.GetValueOrDefault(term);
        return Math.Log(1 + (Count - n + 0.5) / (n + 0.5));
    }

    /// <summary>The BM25 score of every document for the query, in document order.</summary>
    public double[] Scores(string query)
    {
        var scores = new double[Count];
        if (_averageLength == 0) return scores;
        foreach (var term in TextTokens.Words(query).Distinct(StringComparer.Ordinal))
        {
            if (!_documentFrequency.ContainsKey(term)) continue;
            double idf = Idf(term);
            for (int d = 0; d < Count; d++)
            {
                if (!_counts[d].TryGetValue(term, out int f)) continue;
                scores[d] += idf * f * (K1 + 1) / (f + K1 * (1 - B + B * _lengths[d] / _averageLength));
            }
        }
        return scores;
    }

    /// <summary>Indices of the k best documents with a positive score, best first (ties: earlier document first).</summary>
    public IReadOnlyList<int> Top(string query, int k)
    {
        var scores = Scores(query);
        return Enumerable.Range(0, Count).Where(i => scores[i] > 0).OrderByDescending(i => scores[i]).ThenBy(i => i).Take(Math.Max(0, k)).ToList();
    }
}
