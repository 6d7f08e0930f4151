using AssistantBuilder.Engine.Lora;
using TorchSharp;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>
/// Creates the model's Linear projections: plain, wrapped by LoRA when the adapter config targets the path, or
/// routed (adapters chosen per request at run time) when the model serves several adapters.
/// LoRA weights stay fp32 whatever the base dtype (bf16 on CUDA), as mixed-precision training wants.
/// </summary>
static class Projection
{
    public static nn.Module<Tensor, Tensor> Create(string path, long inFeatures, long outFeatures, bool bias, LoraConfig? lora, Device? device, ScalarType? dtype, LoraRouter? router = null)
    {
        var linear = nn.Linear(inFeatures, outFeatures, bias, device, dtype);
        if (router is not null) return new RoutedLinear(linear, path, router);
        if (lora is null || !lora.Targets(path)) return linear;
        return new LoraLinear(linear, lora.RankFor(path), lora.ScalingFor(path), lora.LoraDropout, device, ScalarType.Float32);
    }

    /// <summary>The checkpoint key of a parameter: PEFT's wrapper inserts "base_layer." before the Linear's own names.</summary>
    public static string CheckpointKey(string parameterName) => parameterName.Replace(".base_layer.", ".", StringComparison.Ordinal);

    public static bool IsLoraParameter(string parameterName) => parameterName.Contains(".lora_", StringComparison.Ordinal);
}
