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
        using var scope = NewDisposeScope();
        var x32 = x.to_type(ScalarType.Float32);
        var normed = x32 * (x32.pow(2).mean([-1], keepdim: true) + _eps).rsqrt();
        return (weight * normed.to_type(x.dtype)).MoveToOuterDisposeScope();
    }
}
