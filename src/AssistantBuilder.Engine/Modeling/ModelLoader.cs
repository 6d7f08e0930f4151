using TorchSharp;
using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Lora;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>
/// Loads an HF model folder (config.json + safetensors) into a <see cref="CausalLm"/>, key for key.
/// Every name, shape and dtype is checked before any weight is copied: a bad checkpoint fails whole.
/// With a LoRA config the targeted projections are wrapped; their base weights load from the same keys. With a
/// router every projection is routed, so that adapters loaded later apply per request (<see cref="LoraWeights"/>).
/// </summary>
public static class ModelLoader
{
    public static CausalLm Load(string directory, Device? device = null, ScalarType? dtype = null, LoraConfig? lora = null, LoraRouter? router = null)
    {
        if (!Directory.Exists(directory)) throw new CheckpointException($"{directory}: model folder not found");
        var config = ModelConfig.FromFile(Path.Combine(directory, "config.json"));
        device ??= CPU;
        using var reader = CheckpointReader.Open(directory);
        var model = new CausalLm(config, CPU, dtype ?? DeviceSelector.ComputeDtype(device), lora, router);
        try
        {
            var parameters = model.named_parameters().Where(p => !Projection.IsLoraParameter(p.name))
                .ToDictionary(p => Projection.CheckpointKey(p.name), p => p.parameter);
            CheckKeys(directory, reader, parameters);
            using (no_grad())
                foreach (var (name, parameter) in parameters) CopyWeight(reader, name, parameter);
            return device.type == DeviceType.CPU ? model : model.MoveTo(device);
        }
        catch { model.Dispose(); throw; }
    }

    static void CheckKeys(string directory, CheckpointReader reader, Dictionary<string, TorchSharp.Modules.Parameter> parameters)
    {
        var problems = new List<string>();
        var missing = parameters.Keys.Where(k => !reader.TryGet(k, out _)).ToList();
        if (missing.Count > 0) problems.Add($"missing keys: {Sample(missing)}");
        var unexpected = reader.Entries.Select(e => e.Name).Where(k => !parameters.ContainsKey(k) && !Ignorable(k)).ToList();
        if (unexpected.Count > 0) problems.Add($"unexpected keys: {Sample(unexpected)}");
        foreach (var (name, p) in parameters)
            if (reader.TryGet(name, out var e) && !e.Shape.SequenceEqual(p.shape))
                problems.Add($"'{name}' has shape {e.ShapeText} but config.json implies [{string.Join(", ", p.shape)}]");
        foreach (var e in reader.Entries.Where(e => parameters.ContainsKey(e.Name) && e.ScalarType is not (ScalarType.Float32 or ScalarType.Float16 or ScalarType.BFloat16 or ScalarType.Float64)))
            problems.Add($"'{e.Name}' has non-float dtype {e.DType}");
        if (problems.Count > 0) throw new CheckpointException($"{directory}: checkpoint does not match config.json: {string.Join("; ", problems)}");
    }

    // Non-persistent buffers some exporters write; a tied lm_head duplicate is ignored as HF does.
    static bool Ignorable(string key) => key.EndsWith("rotary_emb.inv_freq", StringComparison.Ordinal) || key == "lm_head.weight";

    static string Sample(List<string> keys) =>
        string.Join(", ", keys.Take(8)) + (keys.Count > 8 ? $" and {keys.Count - 8} more" : "");

    static void CopyWeight(CheckpointReader reader, string name, TorchSharp.Modules.Parameter parameter)
    {
        reader.TryGet(name, out var entry);
        if (entry.ScalarType == parameter.dtype) { reader.CopyInto(name, parameter); return; }
        using var stored = empty(entry.Shape, entry.ScalarType);
        reader.CopyInto(name, stored);
        parameter.copy_(stored);
    }
}
