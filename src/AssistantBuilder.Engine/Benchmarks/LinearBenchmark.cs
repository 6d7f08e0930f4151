using System.Diagnostics;
using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace AssistantBuilder.Engine.Benchmarks;

/// <summary>
/// The weight products of one decode step (every layer's q, k, v, o, gate, up, down and the tied head) at M rows,
/// computed as the model does, F.linear(x [M, in], W [out, in]), and as (W · xᵀ)ᵀ, to see how the step's cost grows
/// with the batch (small-M sgemm behaviour) apart from attention and the rest. Fresh random weights, fp32.
/// </summary>
public static class LinearBenchmark
{
    public static IEnumerable<LinearBenchResult> Run(ModelConfig c, IReadOnlyList<int> rows, int repeats)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        long h = c.HiddenSize, q = c.NumAttentionHeads * c.HeadDim, kv = c.NumKeyValueHeads * c.HeadDim, m = c.IntermediateSize;
        (long Out, long In)[] perLayer = [(q, h), (kv, h), (kv, h), (h, q), (m, h), (m, h), (h, m)];
        // Distinct tensors per layer, as in the model: the step streams every weight from memory once.
        var weights = Enumerable.Range(0, c.NumHiddenLayers).SelectMany(_ => perLayer).Append((c.VocabSize, h))
            .Select(s => randn(s.Out, s.In)).ToList();
        long bytes = weights.Sum(w => w.numel()) * 4;
        foreach (int n in rows)
        {
            var inputs = weights.Select(w => randn(n, w.shape[1])).ToList(); // [M, in] per product
            // Wall and process CPU time (all threads) of the fastest pass: on a shared machine CPU time is the steadier.
            (double Wall, double Cpu) Time(Func<Tensor, Tensor, Tensor> product)
            {
                var samples = new List<(double, double)>();
                var process = Process.GetCurrentProcess();
                for (int r = 0; r <= repeats; r++)
                {
                    using var step = NewDisposeScope();
                    process.Refresh();
                    var cpu = process.TotalProcessorTime;
                    var watch = Stopwatch.StartNew();
                    for (int i = 0; i < weights.Count; i++) product(inputs[i], weights[i]);
                    double wall = watch.Elapsed.TotalMilliseconds;
                    process.Refresh();
                    if (r > 0) samples.Add((wall, (process.TotalProcessorTime - cpu).TotalMilliseconds)); // the first pass warms up
                }
                return (samples.Min(s => s.Item1), samples.Min(s => s.Item2));
            }
            var linear = Time((x, w) => F.linear(x, w));                   // [M, in] x [out, in]ᵀ -> [M, out]
            var transposed = Time((x, w) => w.matmul(x.t()).t());           // [out, in] x [in, M] -> [out, M] -> [M, out] (a view)
            yield return new LinearBenchResult(n, weights.Count, bytes, linear.Wall, linear.Cpu, transposed.Wall, transposed.Cpu);
        }
    }
}

/// <summary>One row count of <see cref="LinearBenchmark"/>: the fastest of the repeats (wall and process CPU ms) per step's worth of products.</summary>
public sealed record LinearBenchResult(int Rows, int Products, long WeightBytes, double LinearMs, double LinearCpuMs, double TransposedMs, double TransposedCpuMs);
