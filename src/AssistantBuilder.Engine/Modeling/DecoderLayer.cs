using AssistantBuilder.Engine.Lora;
using TorchSharp;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>A pre-norm transformer block: x + attn(norm(x)), then + mlp(norm(x)).</summary>
public sealed class DecoderLayer : nn.Module<Tensor, ForwardContext, Tensor>
{
    readonly RmsNorm input_layernorm, post_attention_layernorm;
    readonly Attention self_attn;
    readonly Mlp mlp;

    public DecoderLayer(ModelConfig c, int layer, LoraConfig? lora = null, Device? device = null, ScalarType? dtype = null, LoraRouter? router = null) : base(nameof(DecoderLayer))
    {
        input_layernorm = new RmsNorm(c.HiddenSize, c.RmsNormEps, device, dtype);
        self_attn = new Attention(c, layer, lora, device, dtype, router);
        post_attention_layernorm = new RmsNorm(c.HiddenSize, c.RmsNormEps, device, dtype);
        mlp = new Mlp(c, layer, lora, device, dtype, router);
        RegisterComponents();
    }

    public override Tensor forward(Tensor x, ForwardContext ctx) // [B, T, C] -> [B, T, C]
    {
        var h = x + self_attn.forward(input_layernorm.forward(x), ctx);
        return h + mlp.forward(post_attention_layernorm.forward(h));
    }
}
