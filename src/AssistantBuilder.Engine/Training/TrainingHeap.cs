using System.Runtime.InteropServices;

namespace AssistantBuilder.Engine.Training;

/// <summary>
/// Keeps glibc malloc from handing a training step's large buffers back to the kernel, so the next step does not
/// fault them in (and have the kernel zero them) again. libtorch's CPU tensors come straight from malloc; by
/// default glibc serves blocks above a threshold (128 KiB at first, raised up to 32 MiB as such blocks are freed)
/// with their own mmap and munmaps them on free, and trims free memory at the top of its heap once it exceeds
/// twice that threshold. A LoRA step allocates and frees several gigabytes of activations and gradients of a few
/// megabytes each, and a profile showed the kernel clearing fresh pages for about 12% of the CPU time.
/// <see cref="Configure"/> stops malloc from using mmap for the main thread's blocks (M_MMAP_MAX = 0; raising
/// M_MMAP_THRESHOLD alone is capped at 32 MiB, which leaves the [N, vocab] logits and their gradients mapped afresh
/// every step) and raises the trim threshold to 1 GiB, so freed activations stay in the heap for the next step.
/// Measured on <c>ab bench train --batch-size 2</c> (docs/benchmarks.md): minor page faults 2.51M to 1.53M, about
/// the process's peak resident pages (first touch only), system time 10.5 s to 7.1 s, peak memory +3%.
/// Worker threads' arenas still map blocks over 64 MiB themselves. Set <c>AB_TRAINING_HEAP=default</c> to compare.
/// There is no maintained .NET library for this, hence the two-line P/Invoke.
/// </summary>
public static class TrainingHeap
{
    const int M_TRIM_THRESHOLD = -1, M_MMAP_MAX = -4;
    public const int TrimThreshold = 1 << 30;

    /// <summary>Whether it applied (glibc on Linux); a no-op that returns false elsewhere or when disabled by
    /// <c>AB_TRAINING_HEAP=default</c> (for comparing against glibc's own behaviour).</summary>
    public static bool Configure()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("AB_TRAINING_HEAP") == "default") return false;
        try
        {
            return mallopt(M_MMAP_MAX, 0) == 1 && mallopt(M_TRIM_THRESHOLD, TrimThreshold) == 1;
        }
        catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
        {
            return false; // not glibc (musl has no mallopt tuning worth doing)
        }
    }

    [DllImport("libc", ExactSpelling = true)]
    static extern int mallopt(int param, int value);
}
