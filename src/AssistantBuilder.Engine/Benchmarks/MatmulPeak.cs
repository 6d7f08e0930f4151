using System.Diagnostics;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Benchmarks;

/// <summary>The fp32 matrix-multiply peak this machine reaches: best of several large square matmuls.</summary>
public static class MatmulPeak
{
    public static double Measure(Device device, int n = 2048, int repeats = 5)
    {
        using var a = randn(n, n, device: device);
        using var b = randn(n, n, device: device);
        using (var warm = a.matmul(b)) warm.sum().item<float>();
        double best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            using var c = a.matmul(b);
            using var s = c[0, 0];
            s.item<float>();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return 2.0 * n * n * n / best;
    }
}
