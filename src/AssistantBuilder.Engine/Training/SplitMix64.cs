namespace AssistantBuilder.Engine.Training;

/// <summary>
/// Steele, Lea and Flood's SplitMix64: a tiny PRNG fully specified by integer arithmetic, so a seed gives the same
/// numbers on every machine and runtime (unlike <see cref="Random"/>, whose algorithm is unspecified).
/// </summary>
internal sealed class SplitMix64(ulong seed)
{
    private const ulong Gamma = 0x9E3779B97F4A7C15;

    private ulong _state = seed;

    public ulong Next()
    {
        _state += Gamma;
        return Mix(_state);
    }

    /// <summary>A uniform integer in [0, <paramref name="bound"/>), without modulo bias.</summary>
    public int Next(int bound)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bound);
        ulong range = (ulong)bound;
        ulong limit = ulong.MaxValue - (ulong.MaxValue % range); // the largest multiple of range, exclusive
        ulong value;
        do
        {
            value = Next();
        }
        while (value >= limit);
        return (int)(value % range);
    }

    /// <summary>Fisher–Yates shuffle in place.</summary>
    public void Shuffle<T>(IList<T> items)
    {
        for (int i = items.Count - 1; i > 0; i--)
        {
            int j = Next(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }

    /// <summary>SplitMix64's output function (a 64-bit finalizer), also used to derive independent seeds.</summary>
    public static ulong Mix(ulong z)
    {
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EB;
        return z ^ (z >> 31);
    }
}
