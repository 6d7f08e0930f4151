using System.Diagnostics;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Benchmarks;

/// <summary>Measures sustained memory bandwidth with large tensors: a sum (read only) and a copy (read + write).</summary>
public static class MemoryBandwidth
{
    public static (double ReadBytesPerSecond, double CopyBytesPerSecond) Measure(Device device, long bytes = 1L << 30, int repeats = 5)
    {
        using var src = ones(bytes / 4, dtype: ScalarType.Float32, device: device);
        using var dst = empty_like(src);
        double read = Best(repeats, () => { using var s = src.sum(); s.item<float>(); });
        double copy = Best(repeats, () => { dst.copy_(src); using var s = dst[0]; s.item<float>(); });
        return (bytes / read, 2.0 * bytes / copy);
    }

    static double Best(int repeats, Action action)
    {
        action();
        double best = double.MaxValue;
        for (int i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            action();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return best;
    }
}
