using System.Runtime.InteropServices;
using TensorPrimitives = System.Numerics.Tensors.TensorPrimitives;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Generation;

/// <summary>
/// Picks the next token from a row of logits, in HF's order: repetition penalty, then temperature,
/// top-k and top-p, then a draw (or argmax when greedy). Seeded draws are reproducible.
/// </summary>
/// <remarks>
/// The logits leave the tensor in one copy and everything after runs on managed spans (TensorPrimitives): on a small
/// model the fixed cost of each tensor operation, a torch sort for top-p, a multinomial that draws a random number
/// per vocabulary entry, and libtorch's thread pool waking for every [B, V] operation made sampling about 20
/// operations per row per token, as costly as the decode step's forward at 8 rows on 2 shared cores.
/// </remarks>
public sealed class Sampler
{
    readonly GenerationOptions _options;
    readonly Random? _random;

    public Sampler(GenerationOptions options)
    {
        _options = options;
        if (!options.IsGreedy) _random = options.Seed is long seed ? new Random(unchecked((int)seed ^ (int)(seed >> 32))) : new Random();
    }

    /// <summary>logits: [V] for the next position; seen: prompt and generated ids so far.</summary>
    public int Next(Tensor logits, IReadOnlyCollection<int> seen)
    {
        using var scope = NewDisposeScope();
        return NextRows(logits.reshape(1, -1), [(this, seen)])[0];
    }

    /// <summary>
    /// The next token of every row of <paramref name="logits"/> [B, V], row i with the sampler and seen ids of
    /// <paramref name="rows"/>[i]: the same as <see cref="Next"/> on each row alone, with one copy of the logits for the batch.
    /// </summary>
    public static int[] NextRows(Tensor logits, IReadOnlyList<(Sampler Sampler, IReadOnlyCollection<int> Seen)> rows)
    {
        float[] all;
        int v;
        using (var scope = NewDisposeScope())
        {
            var x = logits.to(ScalarType.Float32, CPU).contiguous();                                    // [B, V]
            v = (int)x.shape[1];
            all = MemoryMarshal.Cast<byte, float>(x.bytes).ToArray();                                   // one copy for all rows
        }
        var next = new int[rows.Count];
        for (int i = 0; i < rows.Count; i++) next[i] = rows[i].Sampler.Pick(all.AsSpan(i * v, v), rows[i].Seen);
        return next;
    }

    int Pick(Span<float> x, IReadOnlyCollection<int> seen)
    {
        if (_options.RepetitionPenalty != 1)
            foreach (int id in seen.Distinct()) x[id] = x[id] < 0 ? x[id] * (float)_options.RepetitionPenalty : x[id] / (float)_options.RepetitionPenalty;
        if (_options.IsGreedy) return TensorPrimitives.IndexOfMax(x);
        TensorPrimitives.Divide(x, (float)_options.Temperature, x);
        if (_options.TopK > 0 && _options.TopK < x.Length) KeepTopK(x, _options.TopK);
        // Unnormalised probabilities (the draw scales by their sum): exp(x - max), 0 where top-k dropped a token.
        TensorPrimitives.Subtract(x, TensorPrimitives.Max(x), x);
        TensorPrimitives.Exp(x, x);
        return _options.TopP < 1 ? DrawNucleus(x, TensorPrimitives.Sum(x)) : Draw(x);
    }

    static void KeepTopK(Span<float> x, int k)
    {
        var sorted = x.ToArray();
        Array.Sort(sorted);
        float kth = sorted[^k];
        foreach (ref float value in x) if (value < kth) value = float.NegativeInfinity;
    }

    // Inverse CDF over all tokens.
    int Draw(ReadOnlySpan<float> p)
    {
        double goal = _random!.NextDouble() * TensorPrimitives.Sum(p), sum = 0;
        int last = 0;
        for (int i = 0; i < p.Length; i++)
        {
            if (p[i] <= 0) continue;
            sum += p[i];
            last = i;
            if (sum > goal) return i;
        }
        return last;
    }

    // Within the nucleus: the most likely tokens, in order, while the probability of those before stays under p (HF's
    // rule: drop the tokens whose ascending cumulative probability stays at or below 1 - p; the best one always stays).
    int DrawNucleus(ReadOnlySpan<float> p, float total)
    {
        double topP = _options.TopP * total;
        // A token at or below (1 - p) / V of the total has at most that much probability at or below it, so it is
        // always dropped: only the rest needs sorting (a few tokens when the model is confident).
        float floor = (float)((1 - _options.TopP) * total / p.Length);
        int count = 0;
        foreach (float q in p) if (q > floor) count++;
        var keys = new float[count];
        var ids = new int[count];
        for (int i = 0, k = 0; i < p.Length; i++)
            if (p[i] > floor) { keys[k] = -p[i]; ids[k++] = i; }
        Array.Sort(keys, ids);                                                                          // most likely first
        double mass = 0;
        int kept = 0;
        while (kept < count && (kept == 0 || mass < topP)) mass -= keys[kept++];
        double goal = _random!.NextDouble() * mass, sum = 0;
        for (int k = 0; k < kept; k++)
        {
            sum -= keys[k];
            if (sum > goal) return ids[k];
        }
        return ids[kept - 1];
    }
}
