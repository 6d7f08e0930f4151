using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using AssistantBuilder.Engine.Checkpoints;

namespace AssistantBuilder.Engine.Lora;

/// <summary>
/// LoRA settings, field for field as PEFT's <c>adapter_config.json</c> (peft_type "LORA", task_type "CAUSAL_LM").
/// Hu et al. 2021, "LoRA: Low-Rank Adaptation of Large Language Models", arXiv:2106.09685;
/// rsLoRA scaling alpha / sqrt(r): Kalajdzievski 2023, arXiv:2312.03732.
/// </summary>
public sealed record LoraConfig
{
    public static readonly IReadOnlyList<string> AllLinear = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"];

    public int R { get; init; } = 16;
    public double LoraAlpha { get; init; } = 32;
    public double LoraDropout { get; init; } = 0.0;
    /// <summary>Module names (matched as the last part of a module's path), or one regex over the full path.</summary>
    public IReadOnlyList<string> TargetModules { get; init; } = AllLinear;
    public string? TargetRegex { get; init; }
    public bool UseRslora { get; init; }
    public IReadOnlyList<int>? LayersToTransform { get; init; }
    public IReadOnlyDictionary<string, int> RankPattern { get; init; } = new Dictionary<string, int>();
    public IReadOnlyDictionary<string, double> AlphaPattern { get; init; } = new Dictionary<string, double>();
    public string BaseModelNameOrPath { get; init; } = "";

    /// <summary>Whether the Linear at this module path (e.g. "model.layers.3.self_attn.q_proj") gets an adapter.</summary>
    public bool Targets(string path)
    {
        if (LayersToTransform is { } layers && LayerIndex(path) is int i && !layers.Contains(i)) return false;
        if (TargetRegex is not null) return Regex.IsMatch(path, $"^(?:{TargetRegex})$");
        return TargetModules.Any(t => path == t || path.EndsWith("." + t, StringComparison.Ordinal));
    }

    public int RankFor(string path) => Pattern(RankPattern, path) ?? R;

    public double AlphaFor(string path) => Pattern(AlphaPattern, path) ?? LoraAlpha;

    public double ScalingFor(string path) => AlphaFor(path) / (UseRslora ? Math.Sqrt(RankFor(path)) : RankFor(path));

    // PEFT matches rank_pattern / alpha_pattern keys as regexes against the end of the module path.
    static T? Pattern<T>(IReadOnlyDictionary<string, T> patterns, string path) where T : struct =>
        patterns.Where(p => Regex.IsMatch(path, $"(^|\\.)(?:{p.Key})$")).Select(p => (T?)p.Value).FirstOrDefault();

    static int? LayerIndex(string path)
    {
        var m = Regex.Match(path, @"\.layers\.(\d+)\.");
        return m.Success ? int.Parse(m.Groups[1].Value) : null;
    }

    public void Validate()
    {
        if (R < 1) throw new ArgumentException($"LoRA rank must be at least 1 (got {R})");
        if (!(LoraAlpha > 0)) throw new ArgumentException($"LoRA alpha must be positive (got {LoraAlpha})");
        if (LoraDropout is < 0 or >= 1) throw new ArgumentException($"LoRA dropout must be in [0, 1) (got {LoraDropout})");
        if (TargetRegex is null && TargetModules.Count == 0) throw new ArgumentException("LoRA needs at least one target module");
        var unknown = TargetRegex is null ? TargetModules.Except(AllLinear).ToList() : [];
        if (unknown.Count > 0)
            throw new ArgumentException($"unknown LoRA target module(s): {string.Join(", ", unknown)} (choose from {string.Join(", ", AllLinear)})");
    }

    public string ToJson() => LoraConfigJson.Write(this).ToJsonString(new JsonSerializerOptions { WriteIndented = true });

    public static LoraConfig FromFile(string path)
    {
        if (!File.Exists(path)) throw new CheckpointException($"{path}: file not found");
        try { return LoraConfigJson.Read(path, JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new CheckpointException($"{path}: not a JSON object")); }
        catch (JsonException ex) { throw new CheckpointException($"{path}: not valid JSON ({ex.Message})", ex); }
    }
}
