using TorchSharp;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>
/// Root-mean-square layer norm (Zhang and Sennrich 2019, arXiv:1910.07467), as HF's LlamaRMSNorm:
/// normalise in fp32, cast back, then scale by <c>weight</c>.
/// </summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    readonly TorchSharp.Modules.Parameter weight; // [C]
    readonly double _eps;

    public RmsNorm(long size, double eps, Device? device = null, ScalarType? dtype = null) : base(nameof(RmsNorm))
    {
        weight = nn.Parameter(ones(size, dtype: dtype, device: device));
        _eps = eps;
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) // [B, T, C] -> [B, T, C]
    {
        if (CpuKernels.Applies(x, weight)) return CpuKernels.RmsNorm(x, weight, _eps);
        if (x.dtype != ScalarType.Float32) return weight * Normalize(x.to_type(ScalarType.Float32)).to_type(x.dtype);
        return weight * Normalize(x);
    }

    Tensor Normalize(Tensor x) // x * 1/sqrt(mean(x^2) + eps), in fp32
    {
        using var scale = x.square().mean([-1], keepdim: true).add_(_eps).rsqrt_();
        return x * scale;
    }
}
