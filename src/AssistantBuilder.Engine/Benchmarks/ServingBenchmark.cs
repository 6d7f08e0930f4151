using System.Diagnostics;
using AssistantBuilder.Engine.Generation;
using AssistantBuilder.Engine.Serving;

namespace AssistantBuilder.Engine.Benchmarks;

/// <summary>
/// Continuous batching under load: at each concurrency level, rounds of N requests submitted at once to one
/// <see cref="ServingEngine"/> (N slots), each greedy for exactly the same number of tokens (no end-of-sequence
/// ids); aggregate tokens/s over the rounds' wall time, and time to first token per request.
/// </summary>
public static class ServingBenchmark
{
    public static IEnumerable<ServingBenchResult> Run(ServingEngine engine, IReadOnlyList<int> concurrency, int tokens, int promptTokens, int rounds)
    {
        var random = new Random(0);
        int vocab = engine.Model.Config.VocabSize;
        int[] Prompt() => Enumerable.Range(0, promptTokens).Select(_ => random.Next(vocab)).ToArray();
        RunRound(engine, 2, Math.Min(tokens, 8), Prompt); // warm-up: first-call allocations and kernels
        foreach (int n in concurrency)
        {
            var firsts = new List<double>();
            var perToken = new List<double>();
            double seconds = 0;
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            for (int r = 0; r < rounds; r++)
            {
                var (wall, streams) = RunRound(engine, n, tokens, Prompt);
                seconds += wall;
                firsts.AddRange(streams.Select(s => s.FirstMs));
                if (tokens > 1) perToken.AddRange(streams.Select(s => (s.LastMs - s.FirstMs) / (tokens - 1)));
            }
            double cpuMs = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalMilliseconds;
            firsts.Sort();
            yield return new ServingBenchResult(n, n * rounds, tokens, seconds, n * rounds * tokens / seconds, Percentile(firsts, 0.5), Percentile(firsts, 0.95),
                perToken.Count == 0 ? double.NaN : perToken.Average(), cpuMs / (n * rounds * tokens));
        }
    }

    /// <summary>The same requests one at a time through <see cref="TokenGenerator"/> (no scheduler): tokens/s at batch 1.</summary>
    public static double Unbatched(ServingEngine engine, int tokens, int promptTokens, int rounds)
    {
        var random = new Random(1);
        var generator = new TokenGenerator(engine.Model);
        var options = new GenerationOptions { MaxNewTokens = tokens };
        var watch = new Stopwatch();
        for (int r = 0; r <= rounds; r++)
        {
            var prompt = Enumerable.Range(0, promptTokens).Select(_ => random.Next(engine.Model.Config.VocabSize)).ToArray();
            if (r == 1) watch.Start(); // round 0 warms up
            Task.Run(async () => { await foreach (var _ in generator.GenerateAsync(prompt, options)) { } }).GetAwaiter().GetResult();
        }
        return rounds * tokens / watch.Elapsed.TotalSeconds;
    }

    static (double Seconds, (double FirstMs, double LastMs)[] Streams) RunRound(ServingEngine engine, int n, int tokens, Func<int[]> prompt)
    {
        var options = new GenerationOptions { MaxNewTokens = tokens };
        var requests = Enumerable.Range(0, n).Select(_ => new ServingRequest(prompt(), options)).ToList();
        var watch = Stopwatch.StartNew();
        var firsts = Task.WhenAll(requests.Select(r => Task.Run(() => Stream(engine, r, tokens)))).GetAwaiter().GetResult();
        return (watch.Elapsed.TotalSeconds, firsts);
    }

    // Submit to first and to last chunk, in ms.
    static async Task<(double FirstMs, double LastMs)> Stream(ServingEngine engine, ServingRequest request, int tokens)
    {
        var watch = Stopwatch.StartNew();
        double first = -1, last = -1;
        int count = 0;
        await foreach (var _ in engine.GenerateAsync(request))
        {
            last = watch.Elapsed.TotalMilliseconds;
            if (count++ == 0) first = last;
        }
        if (count != tokens) throw new InvalidOperationException($"a request produced {count} tokens, expected {tokens}");
        return (first, last);
    }

    static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
