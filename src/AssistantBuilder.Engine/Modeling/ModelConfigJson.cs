using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Checkpoints;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>Maps config.json to <see cref="ModelConfig"/> and back, with HF's defaults and clear errors.</summary>
static class ModelConfigJson
{
    public static ModelConfig Read(string path, JsonObject json)
    {
        string arch = json["architectures"] is JsonArray { Count: > 0 } a ? a[0]!.GetValue<string>() : "";
        if (!ModelConfig.SupportedArchitectures.Contains(arch))
            throw new CheckpointException($"{path}: unsupported architecture '{arch}' (supported: {string.Join(", ", ModelConfig.SupportedArchitectures)})");
        int hidden = Required(path, json, "hidden_size"), heads = Required(path, json, "num_attention_heads");
        bool attentionBias = Bool(json, "attention_bias");
        bool qwen2 = arch == "Qwen2ForCausalLM";
        var config = new ModelConfig
        {
            Architecture = arch,
            VocabSize = Required(path, json, "vocab_size"),
            HiddenSize = hidden,
            IntermediateSize = Required(path, json, "intermediate_size"),
            NumHiddenLayers = Required(path, json, "num_hidden_layers"),
            NumAttentionHeads = heads,
            NumKeyValueHeads = Int(json, "num_key_value_heads") ?? heads,
            HeadDim = Int(json, "head_dim") ?? hidden / heads,
            RmsNormEps = Double(json, "rms_norm_eps") ?? 1e-6,
            RopeTheta = Double(json, "rope_theta") ?? 10000,
            RopeScaling = ReadRopeScaling(path, json["rope_scaling"] as JsonObject),
            MaxPositionEmbeddings = Int(json, "max_position_embeddings") ?? 2048,
            TieWordEmbeddings = Bool(json, "tie_word_embeddings"),
            QkvBias = qwen2 || attentionBias,
            OutputBias = !qwen2 && attentionBias,
            MlpBias = Bool(json, "mlp_bias"),
            BosTokenId = Int(json, "bos_token_id"),
            EosTokenIds = TokenIds(json["eos_token_id"]),
            TorchDtype = json["torch_dtype"]?.GetValue<string>(),
        };
        Validate(path, config);
        return config;
    }

    static void Validate(string path, ModelConfig c)
    {
        if (c.NumAttentionHeads % c.NumKeyValueHeads != 0)
            throw new CheckpointException($"{path}: num_attention_heads ({c.NumAttentionHeads}) is not a multiple of num_key_value_heads ({c.NumKeyValueHeads})");
        if (c.HeadDim % 2 != 0) throw new CheckpointException($"{path}: head_dim {c.HeadDim} must be even for rotary embeddings");
        if (new[] { c.VocabSize, c.HiddenSize, c.IntermediateSize, c.NumHiddenLayers }.Any(v => v <= 0))
            throw new CheckpointException($"{path}: vocab_size, hidden_size, intermediate_size and num_hidden_layers must be positive");
    }

    static RopeScaling? ReadRopeScaling(string path, JsonObject? s)
    {
        if (s is null) return null;
        string type = (s["rope_type"] ?? s["type"])?.GetValue<string>() ?? "default";
        double factor = Double(s, "factor") ?? 1;
        return type switch
        {
            "default" => null,
            "linear" => new RopeScaling("linear", factor),
            "llama3" => new RopeScaling("llama3", factor, Double(s, "low_freq_factor") ?? 1, Double(s, "high_freq_factor") ?? 4,
                Int(s, "original_max_position_embeddings") ?? 8192),
            _ => throw new CheckpointException($"{path}: unsupported rope_scaling type '{type}' (supported: linear, llama3)"),
        };
    }

    static IReadOnlyList<int> TokenIds(JsonNode? node) => node switch
    {
        JsonArray a => a.Select(n => n!.GetValue<int>()).ToList(),
        JsonValue v when v.TryGetValue<int>(out int id) => [id],
        _ => [],
    };

    static int Required(string path, JsonObject json, string key) =>
        Int(json, key) ?? throw new CheckpointException($"{path}: missing required field '{key}'");

    static int? Int(JsonObject json, string key) => json[key] is JsonValue v && v.TryGetValue<int>(out int i) ? i : null;

    static double? Double(JsonObject json, string key) => json[key] is JsonValue v && v.TryGetValue<double>(out double d) ? d : null;

    static bool Bool(JsonObject json, string key) => json[key] is JsonValue v && v.TryGetValue<bool>(out bool b) && b;

    public static JsonObject Write(ModelConfig c)
    {
        var json = new JsonObject
        {
            ["architectures"] = new JsonArray(c.Architecture),
            ["model_type"] = c.Architecture switch { "Qwen2ForCausalLM" => "qwen2", "MistralForCausalLM" => "mistral", _ => "llama" },
            ["vocab_size"] = c.VocabSize,
            ["hidden_size"] = c.HiddenSize,
            ["intermediate_size"] = c.IntermediateSize,
            ["num_hidden_layers"] = c.NumHiddenLayers,
            ["num_attention_heads"] = c.NumAttentionHeads,
            ["num_key_value_heads"] = c.NumKeyValueHeads,
            ["head_dim"] = c.HeadDim,
            ["hidden_act"] = "silu",
            ["rms_norm_eps"] = c.RmsNormEps,
            ["rope_theta"] = c.RopeTheta,
            ["max_position_embeddings"] = c.MaxPositionEmbeddings,
            ["tie_word_embeddings"] = c.TieWordEmbeddings,
            ["attention_bias"] = c.Architecture != "Qwen2ForCausalLM" && c.QkvBias,
            ["mlp_bias"] = c.MlpBias,
            ["torch_dtype"] = c.TorchDtype ?? "float32",
        };
        if (c.BosTokenId is int bos) json["bos_token_id"] = bos;
        if (c.EosTokenIds.Count == 1) json["eos_token_id"] = c.EosTokenIds[0];
        else if (c.EosTokenIds.Count > 1) json["eos_token_id"] = new JsonArray(c.EosTokenIds.Select(i => (JsonNode)i).ToArray());
        if (c.RopeScaling is { } r)
            json["rope_scaling"] = new JsonObject
            {
                ["rope_type"] = r.Type, ["factor"] = r.Factor, ["low_freq_factor"] = r.LowFreqFactor,
                ["high_freq_factor"] = r.HighFreqFactor, ["original_max_position_embeddings"] = r.OriginalMaxPositionEmbeddings,
            };
        return json;
    }
}
