using TorchSharp;
using AssistantBuilder.Engine.Lora;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>The decoder stack (HF's LlamaModel, keys under <c>model.</c>): embeddings, layers, final norm.</summary>
public sealed class Model : nn.Module<Tensor, ForwardContext, Tensor>
{
    readonly Embedding embed_tokens;
    readonly ModuleList<DecoderLayer> layers;
    readonly RmsNorm norm;

    public Model(ModelConfig c, LoraConfig? lora = null, Device? device = null, ScalarType? dtype = null, LoraRouter? router = null) : base(nameof(Model))
    {
        embed_tokens = nn.Embedding(c.VocabSize, c.HiddenSize, device: device, dtype: dtype);
        layers = new ModuleList<DecoderLayer>(Enumerable.Range(0, c.NumHiddenLayers).Select(i => new DecoderLayer(c, i, lora, device, dtype, router)).ToArray());
        norm = new RmsNorm(c.HiddenSize, c.RmsNormEps, device, dtype);
        RegisterComponents();
    }

    public Parameter EmbeddingWeight => embed_tokens.weight!; // [V, C]

    public override Tensor forward(Tensor inputIds, ForwardContext ctx) // [B, T] -> [B, T, C]
    {
        var x = embed_tokens.forward(inputIds);
        foreach (var layer in layers) x = layer.forward(x, ctx);
        return norm.forward(x);
    }
}
