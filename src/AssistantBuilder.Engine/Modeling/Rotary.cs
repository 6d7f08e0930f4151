using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>
/// Rotary position embeddings (Su et al. 2021, RoFormer, arXiv:2104.09864) in HF's rotate-half layout,
/// with <c>rope_theta</c> and the "linear" and "llama3" <c>rope_scaling</c> rules of HF's
/// <c>modeling_rope_utils.py</c>. Holds no parameters: the cos/sin tables are derived from the config.
/// </summary>
public sealed class Rotary : IDisposable
{
    readonly double[] _invFreq; // [D/2]
    Tensor? _cos, _sin;         // [L, D] on the model's device, fp32

    public Rotary(ModelConfig config) => _invFreq = InverseFrequencies(config);

    public static double[] InverseFrequencies(ModelConfig c)
    {
        int half = c.HeadDim / 2;
        var inv = Enumerable.Range(0, half).Select(i => 1.0 / Math.Pow(c.RopeTheta, 2.0 * i / c.HeadDim)).ToArray();
        return c.RopeScaling switch
        {
            { Type: "linear" } s => inv.Select(f => f / s.Factor).ToArray(),
            { Type: "llama3" } s => inv.Select(f => Llama3Scale(f, s)).ToArray(),
            _ => inv,
        };
    }

    // Llama 3.1: keep high frequencies, divide low ones by the factor, blend smoothly in between.
    static double Llama3Scale(double freq, RopeScaling s)
    {
        double wavelen = 2 * Math.PI / freq;
        double lowFreqWavelen = s.OriginalMaxPositionEmbeddings / s.LowFreqFactor;
        double highFreqWavelen = s.OriginalMaxPositionEmbeddings / s.HighFreqFactor;
        if (wavelen < highFreqWavelen) return freq;
        if (wavelen > lowFreqWavelen) return freq / s.Factor;
        double smooth = (s.OriginalMaxPositionEmbeddings / wavelen - s.LowFreqFactor) / (s.HighFreqFactor - s.LowFreqFactor);
        return (1 - smooth) * freq / s.Factor + smooth * freq;
    }

    /// <summary>cos and signed sin (see <see cref="Apply"/>) for positions [start, start + length): each [length, D], fp32.</summary>
    public (Tensor Cos, Tensor Sin) Range(long start, long length, Device device)
    {
        if (_cos is null || _cos.shape[0] < start + length || _cos.device != device) Build(Math.Max(start + length, 256) * 2, device);
        return (_cos!.narrow(0, start, length), _sin!.narrow(0, start, length));
    }

    /// <summary>cos and signed sin at one position per row (continuous batching): positions [B] -> each [B, 1, 1, D], fp32.</summary>
    public (Tensor Cos, Tensor Sin) At(Tensor positions, long maxPosition, Device device)
    {
        var (cos, sin) = Range(0, maxPosition + 1, device);
        long b = positions.shape[0], d = cos.shape[1];
        return (cos.index_select(0, positions).view(b, 1, 1, d), sin.index_select(0, positions).view(b, 1, 1, d));
    }

    void Build(long length, Device device)
    {
        Dispose();
        using var scope = NewDisposeScope();
        var positions = arange(length, dtype: ScalarType.Float64);
        var freqs = outer(positions, tensor(_invFreq, dtype: ScalarType.Float64)); // [L, D/2]
        _cos = cat([freqs.cos(), freqs.cos()], 1).to(ScalarType.Float32, device).DetachFromDisposeScope();  // [L, D]
        _sin = cat([-freqs.sin(), freqs.sin()], 1).to(ScalarType.Float32, device).DetachFromDisposeScope(); // [L, D]
    }

    /// <summary>
    /// x * cos + rotate_half(x) * sin, where x is [B, H, T, D], cos is [T, D] (or [B, 1, T, D]) and <paramref name="signedSin"/> is sin
    /// with its first half negated: rotate_half(x) * sin = cat(-x2, x1) * sin = roll(x, D/2) * signedSin.
    /// </summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor signedSin)
    {
        if (CpuKernels.Applies(x, cos, signedSin)) return CpuKernels.Rotate(x, cos, signedSin);
        using var rolled = x.roll(x.shape[^1] / 2, -1);
        return (x * cos).addcmul_(rolled, signedSin, 1);
    }

    public void Dispose()
    {
        _cos?.Dispose();
        _sin?.Dispose();
        _cos = _sin = null;
    }
}
