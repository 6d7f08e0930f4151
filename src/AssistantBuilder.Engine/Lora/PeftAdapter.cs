using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Lora;

/// <summary>
/// A LoRA adapter folder in PEFT's format: adapter_config.json and adapter_model.safetensors with keys such as
/// <c>base_model.model.model.layers.0.self_attn.q_proj.lora_A.weight</c> ([r, in]) and <c>...lora_B.weight</c> ([out, r]).
/// </summary>
public static class PeftAdapter
{
    public const string ConfigFile = "adapter_config.json", WeightsFile = "adapter_model.safetensors";
    internal const string Prefix = "base_model.model.";

    public static LoraConfig ReadConfig(string directory)
    {
        if (!Directory.Exists(directory)) throw new CheckpointException($"{directory}: adapter folder not found");
        var config = LoraConfig.FromFile(Path.Combine(directory, ConfigFile));
        try { config.Validate(); }
        catch (ArgumentException ex) { throw new CheckpointException($"{Path.Combine(directory, ConfigFile)}: {ex.Message}", ex); }
        return config;
    }

    public static void Save(CausalLm model, string directory, LoraConfig config)
    {
        Directory.CreateDirectory(directory);
        var tensors = model.LoraLayers().SelectMany(l => new[] { (Prefix + l.Path + ".lora_A.weight", (Tensor)l.Layer.A), (Prefix + l.Path + ".lora_B.weight", l.Layer.B) });
        SafeTensorsWriter.Write(Path.Combine(directory, WeightsFile), tensors, new Dictionary<string, string> { ["format"] = "pt" });
        File.WriteAllText(Path.Combine(directory, ConfigFile), config.ToJson());
    }

    /// <summary>Copies an adapter's weights into a model built with its config; every key and shape is checked first.</summary>
    public static void LoadWeights(CausalLm model, string directory)
    {
        string path = Path.Combine(directory, WeightsFile);
        using var file = SafeTensorsFile.Open(path);
        var byKey = file.Tensors.Values.ToDictionary(e => Normalize(e.Name));
        var expected = model.LoraLayers()
            .SelectMany(l => new[] { (Key: Prefix + l.Path + ".lora_A.weight", Param: l.Layer.A), (Key: Prefix + l.Path + ".lora_B.weight", Param: l.Layer.B) })
            .ToList();
        var problems = new List<string>();
        var missing = expected.Where(e => !byKey.ContainsKey(e.Key)).Select(e => e.Key).ToList();
        if (missing.Count > 0) problems.Add($"missing keys: {string.Join(", ", missing.Take(6))}{(missing.Count > 6 ? $" and {missing.Count - 6} more" : "")}");
        var unexpected = byKey.Keys.Except(expected.Select(e => e.Key)).ToList();
        if (unexpected.Count > 0) problems.Add($"keys the adapter config does not account for: {string.Join(", ", unexpected.Take(6))}{(unexpected.Count > 6 ? $" and {unexpected.Count - 6} more" : "")}");
        foreach (var (key, param) in expected.Where(e => byKey.ContainsKey(e.Key)))
            if (!byKey[key].Shape.SequenceEqual(param.shape))
                problems.Add($"'{key}' has shape {byKey[key].ShapeText}, expected [{string.Join(", ", param.shape)}]");
        if (problems.Count > 0) throw new CheckpointException($"{path}: adapter does not fit the model: {string.Join("; ", problems)}");
        using var noGrad = no_grad();
        foreach (var (key, param) in expected)
        {
            using var stored = file.Load(byKey[key].Name);
            param.copy_(stored);
        }
    }

    // PEFT saves without the adapter name, but some exports keep ".default".
    internal static string Normalize(string key) => key.Replace(".lora_A.default.", ".lora_A.").Replace(".lora_B.default.", ".lora_B.");
}
