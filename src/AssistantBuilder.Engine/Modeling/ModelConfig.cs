using System.Text.Json;
using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Checkpoints;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>The fields of an HF config.json that a Llama-family decoder needs (Llama, Qwen2, Mistral).</summary>
public sealed record ModelConfig
{
    public static readonly IReadOnlySet<string> SupportedArchitectures =
        new HashSet<string> { "LlamaForCausalLM", "Qwen2ForCausalLM", "MistralForCausalLM" };

    public string Architecture { get; init; } = "LlamaForCausalLM";
    public int VocabSize { get; init; }
    public int HiddenSize { get; init; }
    public int IntermediateSize { get; init; }
    public int NumHiddenLayers { get; init; }
    public int NumAttentionHeads { get; init; }
    public int NumKeyValueHeads { get; init; }
    public int HeadDim { get; init; }
    public double RmsNormEps { get; init; } = 1e-6;
    public double RopeTheta { get; init; } = 10000;
    public RopeScaling? RopeScaling { get; init; }
    public int MaxPositionEmbeddings { get; init; } = 2048;
    public bool TieWordEmbeddings { get; init; }
    /// <summary>Bias on q/k/v projections: always for Qwen2, <c>attention_bias</c> for Llama.</summary>
    public bool QkvBias { get; init; }
    /// <summary>Bias on o_proj: Llama's <c>attention_bias</c> covers it too; Qwen2 has none.</summary>
    public bool OutputBias { get; init; }
    public bool MlpBias { get; init; }
    public int? BosTokenId { get; init; }
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];
    public string? TorchDtype { get; init; }

    public static ModelConfig FromFile(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException($"{path}: file not found");
        return FromJson(File.ReadAllText(path), path);
    }

    /// <summary>A config.json's text; <paramref name="source"/> names it in error messages.</summary>
    public static ModelConfig FromJson(string text, string source)
    {
        JsonNode? node;
        try { node = JsonNode.Parse(text); }
        catch (JsonException ex) { throw new CheckpointException($"{source}: not valid JSON ({ex.Message})", ex); }
        if (node is not JsonObject json) throw new CheckpointException($"{source}: not a JSON object");
        return ModelConfigJson.Read(source, json);
    }

    public string ToJson() => ModelConfigJson.Write(this).ToJsonString(new JsonSerializerOptions { WriteIndented = true });
}
