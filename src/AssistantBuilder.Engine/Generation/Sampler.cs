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
        var x = logits.to(ScalarType.Float32, CPU).flatten();
        if (_options.RepetitionPenalty != 1 && seen.Count > 0) x = Penalise(x, seen);
        if (_options.IsGreedy) return (int)x.argmax().item<long>();
        x = x / _options.Temperature;
        if (_options.TopK > 0 && _options.TopK < x.shape[0]) x = TopK(x, _options.TopK);
        if (_options.TopP < 1) x = TopP(x, _options.TopP);
        return (int)x.softmax(0).multinomial(1, generator: _generator).item<long>();
    }

    Tensor Penalise(Tensor x, IReadOnlyCollection<int> seen)
    {
        var ids = tensor(seen.Distinct().Select(i => (long)i).ToArray());
        var picked = x.gather(0, ids);
        var penalised = where(picked < 0, picked * _options.RepetitionPenalty, picked / _options.RepetitionPenalty);
        return x.scatter(0, ids, penalised);
    }

    static Tensor TopK(Tensor x, int k)
    {
        var kth = x.topk(k).values[-1];
        return x.masked_fill(x < kth, double.NegativeInfinity);
    }

    // Sort ascending; drop tokens whose cumulative probability stays at or below 1 - p; always keep the best one.
    static Tensor TopP(Tensor x, double p)
    {
        var (sorted, order) = x.sort(descending: false);
        var remove = sorted.softmax(0).cumsum(0) <= 1 - p;
        remove[-1] = tensor(false);
        return x.masked_fill(remove.scatter(0, order, remove), double.NegativeInfinity);
    }

    public void Dispose() => _generator?.Dispose();
}
