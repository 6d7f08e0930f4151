using AssistantBuilder.Engine.Checkpoints;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>
/// Writes a model as an HF checkpoint (config.json + model.safetensors) under the base model's key names.
/// LoRA layers are merged into their base weights first, so the result needs no adapter and decodes like base + adapter.
/// </summary>
public static class ModelSaver
{
    static readonly string[] TokenizerFiles = ["tokenizer.json", "tokenizer_config.json", "special_tokens_map.json", "generation_config.json", "chat_template.jinja"];

    public static void Save(CausalLm model, string directory, ScalarType? dtype = null, string? copyTokenizerFrom = null)
    {
        Directory.CreateDirectory(directory);
        foreach (var (_, layer) in model.LoraLayers()) layer.Merge();
        var target = dtype ?? model.DType;
        var tensors = model.named_parameters()
            .Where(p => !Projection.IsLoraParameter(p.name))
            .Select(p => (Projection.CheckpointKey(p.name), p.parameter.detach().to(target, CPU)))
            .ToList();
        try { SafeTensorsWriter.Write(Path.Combine(directory, "model.safetensors"), tensors, new Dictionary<string, string> { ["format"] = "pt" }); }
        finally { foreach (var (_, t) in tensors) t.Dispose(); }
        string dtypeName = target switch { ScalarType.BFloat16 => "bfloat16", ScalarType.Float16 => "float16", _ => "float32" };
        File.WriteAllText(Path.Combine(directory, "config.json"), (model.Config with { TorchDtype = dtypeName }).ToJson());
        if (copyTokenizerFrom is null) return;
        foreach (var file in TokenizerFiles.Select(f => Path.Combine(copyTokenizerFrom, f)).Where(File.Exists))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)), overwrite: true);
    }
}
