using AssistantBuilder.Engine.Lora;
using TorchSharp;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>SwiGLU feed-forward (Shazeer 2020, arXiv:2002.05202): down(silu(gate(x)) * up(x)).</summary>
public sealed class Mlp : nn.Module<Tensor, Tensor>
{
    readonly nn.Module<Tensor, Tensor> gate_proj, up_proj, down_proj;

    public Mlp(ModelConfig c, int layer, LoraConfig? lora = null, Device? device = null, ScalarType? dtype = null, LoraRouter? router = null) : base(nameof(Mlp))
    {
        string path = $"model.layers.{layer}.mlp.";
        gate_proj = Projection.Create(path + "gate_proj", c.HiddenSize, c.IntermediateSize, c.MlpBias, lora, device, dtype, router);
        up_proj = Projection.Create(path + "up_proj", c.HiddenSize, c.IntermediateSize, c.MlpBias, lora, device, dtype, router);
        down_proj = Projection.Create(path + "down_proj", c.IntermediateSize, c.HiddenSize, c.MlpBias, lora, device, dtype, router);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x) // [B, T, C] -> [B, T, C]
    {
        var rows = x.view(-1, x.shape[^1]); // [B*T, C]: libtorch's linear is several times slower on 3-D inputs at T = 1
        return down_proj.forward(SwiGlu(gate_proj.forward(rows), up_proj.forward(rows))).view(x.shape);
    }

    static Tensor SwiGlu(Tensor gate, Tensor up) => CpuKernels.Applies(gate, up) ? CpuKernels.SwiGlu(gate, up) : F.silu(gate) * up;
}
