using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Checkpoints;

namespace AssistantBuilder.Engine.Lora;

/// <summary>Reads and writes PEFT's adapter_config.json.</summary>
static class LoraConfigJson
{
    public static LoraConfig Read(string path, JsonObject j)
    {
        string peftType = j["peft_type"]?.GetValue<string>() ?? "";
        if (peftType != "LORA") throw new CheckpointException($"{path}: peft_type '{peftType}' is not supported (only LORA)");
        if (j["use_dora"]?.GetValue<bool>() == true) throw new CheckpointException($"{path}: DoRA adapters (use_dora) are not supported");
        if (j["fan_in_fan_out"]?.GetValue<bool>() == true) throw new CheckpointException($"{path}: fan_in_fan_out adapters (GPT-2 Conv1D) are not supported");
        if (j["bias"] is JsonValue b && b.GetValue<string>() != "none") throw new CheckpointException($"{path}: bias '{b}' is not supported (only \"none\")");
        var targets = j["target_modules"];
        return new LoraConfig
        {
            R = j["r"]?.GetValue<int>() ?? throw new CheckpointException($"{path}: missing 'r'"),
            LoraAlpha = j["lora_alpha"]?.GetValue<double>() ?? 8,
            LoraDropout = j["lora_dropout"]?.GetValue<double>() ?? 0,
            TargetModules = targets is JsonArray a ? a.Select(n => n!.GetValue<string>()).ToList()
                : targets?.GetValue<string>() == "all-linear" ? LoraConfig.AllLinear : [],
            TargetRegex = targets is JsonValue v && v.GetValue<string>() != "all-linear" ? v.GetValue<string>() : null,
            UseRslora = j["use_rslora"]?.GetValue<bool>() ?? false,
            LayersToTransform = j["layers_to_transform"] switch
            {
                JsonArray l => l.Select(n => n!.GetValue<int>()).ToList(),
                JsonValue one => [one.GetValue<int>()],
                _ => null,
            },
            RankPattern = (j["rank_pattern"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value!.GetValue<int>()) ?? [],
            AlphaPattern = (j["alpha_pattern"] as JsonObject)?.ToDictionary(p => p.Key, p => p.Value!.GetValue<double>()) ?? [],
            BaseModelNameOrPath = j["base_model_name_or_path"]?.GetValue<string>() ?? "",
        };
    }

    public static JsonObject Write(LoraConfig c) => new()
    {
        ["alpha_pattern"] = new JsonObject(c.AlphaPattern.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["auto_mapping"] = null,
        ["base_model_name_or_path"] = c.BaseModelNameOrPath,
        ["bias"] = "none",
        ["fan_in_fan_out"] = false,
        ["inference_mode"] = true,
        ["init_lora_weights"] = true,
        ["layers_pattern"] = null,
        ["layers_to_transform"] = c.LayersToTransform is null ? null : new JsonArray(c.LayersToTransform.Select(i => (JsonNode)i).ToArray()),
        ["lora_alpha"] = c.LoraAlpha,
        ["lora_dropout"] = c.LoraDropout,
        ["modules_to_save"] = null,
        ["peft_type"] = "LORA",
        ["r"] = c.R,
        ["rank_pattern"] = new JsonObject(c.RankPattern.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
        ["revision"] = null,
        ["target_modules"] = c.TargetRegex is not null ? c.TargetRegex : new JsonArray(c.TargetModules.Select(t => (JsonNode)t).ToArray()),
        ["task_type"] = "CAUSAL_LM",
        ["use_dora"] = false,
        ["use_rslora"] = c.UseRslora,
    };
}
