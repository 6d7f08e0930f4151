using System.Diagnostics;
using System.Globalization;
using static TorchSharp.torch;

namespace AssistantBuilder.Jobs;

/// <summary>
/// The device a worker trains on: <see cref="Name"/> is what <c>ab train --device</c> gets ("cpu" or "cuda:N").
/// A worker takes the jobs whose device it fits (<see cref="AcceptedJobDevices"/>): a CPU worker "cpu" and "auto" jobs,
/// a GPU worker "cuda", its own "cuda:N" and "auto" jobs. Each worker runs one job at a time, so a GPU is never shared
/// between two trainers; a job whose estimated memory (<see cref="JobMemory"/>) exceeds the worker's is left for a bigger one.
/// </summary>
public sealed record WorkerDevice(string Kind, string Name, long? MemoryBytes)
{
    public IReadOnlyList<string> AcceptedJobDevices => Kind == "cpu" ? ["cpu", "auto"] : ["cuda", Name, "auto"];

    public static WorkerDevice Cpu() => new("cpu", "cpu", GC.GetGCMemoryInfo().TotalAvailableMemoryBytes);

    /// <summary>
    /// The devices for a spec: cpu, cuda, cuda:N, or auto (every visible GPU, else the CPU; with <paramref name="cpuWithGpus"/>
    /// the CPU as well).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown spec, or CUDA asked for where there is none.</exception>
    public static IReadOnlyList<WorkerDevice> Detect(string spec, bool cpuWithGpus = false)
    {
        string s = spec.Trim().ToLowerInvariant();
        if (s == "cpu") return [Cpu()];
        if (s == "auto")
        {
            int count = GpuCount();
            var gpus = Enumerable.Range(0, count).Select(Gpu).ToList();
            return count == 0 ? [Cpu()] : cpuWithGpus ? [Cpu(), .. gpus] : gpus;
        }
        if (s == "cuda" || s.StartsWith("cuda:", StringComparison.Ordinal))
        {
            int index = s == "cuda" ? 0 : int.TryParse(s[5..], NumberStyles.None, CultureInfo.InvariantCulture, out int n) ? n
                : throw new ArgumentException($"--device {spec}: expected cuda:N with N a GPU number");
            int count = GpuCount();
            if (index >= count)
                throw new ArgumentException($"--device {spec}: {(count == 0 ? "CUDA is not available (no CUDA libtorch, or no GPU visible)" : $"there are {count} GPUs (cuda:0 to cuda:{count - 1})")}");
            return [Gpu(index)];
        }
        throw new ArgumentException($"--device {spec}: expected auto, cpu, cuda or cuda:N");
    }

    static int GpuCount()
    {
        try { return cuda.is_available() ? cuda.device_count() : 0; }
        catch (Exception ex) when (ex is TypeInitializationException or DllNotFoundException or NotSupportedException) { return 0; }
    }

    static WorkerDevice Gpu(int index) => new("cuda", $"cuda:{index}", GpuMemory(index));

    /// <summary>The GPU's total memory from nvidia-smi (null when it is not there: TorchSharp does not report it).</summary>
    static long? GpuMemory(int index)
    {
        try
        {
            var start = new ProcessStartInfo("nvidia-smi", ["--query-gpu=memory.total", "--format=csv,noheader,nounits", $"--id={index}"])
            {
                RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            };
            using var process = Process.Start(start)!;
            string text = process.StandardOutput.ReadToEnd();
            if (!process.WaitForExit(5000)) { process.Kill(); return null; }
            return long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out long mib) ? mib * 1024 * 1024 : null;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException) { return null; }
    }
}
