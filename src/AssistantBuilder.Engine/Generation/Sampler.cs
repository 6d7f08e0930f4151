using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Generation;

/// <summary>
/// Picks the next token from a row of logits, in HF's order: repetition penalty, then temperature,
/// top-k and top-p, then a draw (or argmax when greedy). Seeded draws are reproducible.
/// </summary>
public sealed class Sampler : IDisposable
{
    readonly GenerationOptions _options;
    readonly Generator? _generator;

    public Sampler(GenerationOptions options)
    {
        _options = options;
        if (!options.IsGreedy) _generator = options.Seed is long seed ? new Generator((ulong)seed) : new Generator((ulong)Random.Shared.NextInt64());
    }

    /// <summary>logits: [V] for the next position; seen: prompt and generated ids so far.</summary>
    public int Next(Tensor logits, IReadOnlyCollection<int> seen)
    {
        using var scope = NewDisposeScope();
        return NextRows(logits.view(1, -1), [(this, seen)])[0];
    }

    /// <summary>
    /// The next token of every row of <paramref name="logits"/> [B, V], row i with the sampler and seen ids of
    /// <paramref name="rows"/>[i]. The same result per row as <see cref="Next"/> on that row alone (the same
    /// operations, each row's draw from its own generator), but penalty, temperature, top-k and top-p run as one
    /// operation each over the batch instead of one each per row: on a small model the per-operation cost, not the
    /// arithmetic, is what sampling costs, and done per row it was as much as the decode step's forward at 8 rows.
    /// </summary>
    public static int[] NextRows(Tensor logits, IReadOnlyList<(Sampler Sampler, IReadOnlyCollection<int> Seen)> rows)
    {
        using var scope = NewDisposeScope();
        int b = rows.Count;
        var x = logits.to(ScalarType.Float32, CPU);                                                        // [B, V]
        long v = x.shape[1];
        x = Penalise(x, rows, v);
        var next = new int[b];
        var sampled = Enumerable.Range(0, b).Where(i => !rows[i].Sampler._options.IsGreedy).ToArray();
        if (sampled.Length < b)
        {
            var argmax = x.argmax(1).data<long>().ToArray();
            for (int i = 0; i < b; i++) next[i] = (int)argmax[i];
        }
        if (sampled.Length == 0) return next;
        var options = sampled.Select(i => rows[i].Sampler._options).ToArray();
        if (sampled.Length < b) x = x.index_select(0, tensor(sampled.Select(i => (long)i).ToArray()));      // [S, V]
        x = x / tensor(options.Select(o => (float)o.Temperature).ToArray()).view(-1, 1);
        if (options.Any(o => o.TopK > 0 && o.TopK < v)) x = TopK(x, options, v);
        if (options.Any(o => o.TopP < 1)) x = TopP(x, options);
        var probabilities = x.softmax(1);
        for (int j = 0; j < sampled.Length; j++)
            next[sampled[j]] = (int)probabilities[j].multinomial(1, generator: rows[sampled[j]].Sampler._generator).item<long>();
        return next;
    }

    // HF's rule on each row's seen ids (its own penalty), as one gather and one scatter over the flattened batch.
    static Tensor Penalise(Tensor x, IReadOnlyList<(Sampler Sampler, IReadOnlyCollection<int> Seen)> rows, long v)
    {
        var index = new List<long>();
        var penalty = new List<float>();
        for (int i = 0; i < rows.Count; i++)
        {
            double rule = rows[i].Sampler._options.RepetitionPenalty;
            if (rule == 1) continue;
            foreach (int id in rows[i].Seen.Distinct()) { index.Add(i * v + id); penalty.Add((float)rule); }
        }
        if (index.Count == 0) return x;
        var ids = tensor(index.ToArray());
        var factor = tensor(penalty.ToArray());
        var flat = x.reshape(-1);
        var picked = flat.gather(0, ids);
        var penalised = where(picked < 0, picked * factor, picked / factor);
        return flat.scatter(0, ids, penalised).view(x.shape);
    }

    // Each row keeps its K most likely tokens (all of them where its top-k is off).
    static Tensor TopK(Tensor x, GenerationOptions[] options, long v)
    {
        bool[] on = options.Select(o => o.TopK > 0 && o.TopK < v).ToArray();
        long kMax = options.Where((o, j) => on[j]).Max(o => o.TopK);
        var values = x.topk((int)kMax, dim: 1).values;                                                  // [S, kMax], descending
        var kth = values.gather(1, tensor(options.Select((o, j) => on[j] ? o.TopK - 1L : 0L).ToArray()).view(-1, 1)); // [S, 1]
        kth = where(tensor(on).view(-1, 1), kth, tensor(float.NegativeInfinity));
        return x.masked_fill(x < kth, double.NegativeInfinity);
    }

    // Per row: sort ascending; drop tokens whose cumulative probability stays at or below 1 - p; always keep the best one.
    // A row whose top-p is off gets a threshold no cumulative probability reaches.
    static Tensor TopP(Tensor x, GenerationOptions[] options)
    {
        var (sorted, order) = x.sort(dim: 1, descending: false);
        var threshold = tensor(options.Select(o => o.TopP < 1 ? (float)(1 - o.TopP) : -1f).ToArray()).view(-1, 1);
        var remove = sorted.softmax(1).cumsum(1) <= threshold;
        remove[TensorIndex.Colon, -1] = tensor(false);
        return x.masked_fill(remove.scatter(1, order, remove), double.NegativeInfinity);
    }

    public void Dispose() => _generator?.Dispose();
}
