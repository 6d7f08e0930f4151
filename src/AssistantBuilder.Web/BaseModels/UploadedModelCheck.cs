using AssistantBuilder.Core.Models;
using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Web.BaseModels;

/// <summary>Whether an uploaded folder is a model the engine can load, with a message saying what is supported when not.</summary>
public static class UploadedModelCheck
{
    public static string Supported =>
        "Supported: a Hugging Face model folder (or a .zip of one) with config.json naming " +
        string.Join(", ", ModelConfig.SupportedArchitectures.Order(StringComparer.Ordinal)) +
        "; safetensors weights (model.safetensors, or shards with model.safetensors.index.json); and tokenizer.json.";

    static readonly string[] PyTorchSuffixes = [".bin", ".pt", ".pth", ".ckpt"];

    /// <summary>The folder holding the model: the upload's root, or its one subfolder when a zip wrapped the files in one.</summary>
    public static string ModelFolder(string root)
    {
        if (File.Exists(Path.Combine(root, ModelFiles.Config))) return root;
        var files = Directory.EnumerateFiles(root).Where(f => !Path.GetFileName(f).StartsWith('.')).ToList();
        var dirs = Directory.EnumerateDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('.')).ToList();
        return files.Count == 0 && dirs.Count == 1 ? dirs[0] : root;
    }

    /// <summary>Throws a 422 naming what is wrong and what is supported.</summary>
    public static void Check(string dir)
    {
        var names = Directory.EnumerateFiles(dir).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal).ToList();
        if (names.Count == 0 && !Directory.EnumerateDirectories(dir).Any())
            throw new ModelRequestException(StatusCodes.Status400BadRequest, "The upload holds no files.");
        bool safetensors = names.Contains(ModelFiles.Single) || names.Contains(ModelFiles.Index);
        if (!safetensors)
        {
            var gguf = names.Where(n => n.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)).ToList();
            if (gguf.Count > 0) throw Unusable($"{gguf[0]} is a GGUF file (llama.cpp's format), which the engine does not load");
            var pickles = names.Where(n => PyTorchSuffixes.Any(s => n.EndsWith(s, StringComparison.OrdinalIgnoreCase))).ToList();
            if (pickles.Count > 0)
                throw Unusable($"only safetensors weights are supported and this upload has {pickles[0]} (PyTorch pickle weights); " +
                    "save the model with safe_serialization=True and upload again");
            if (names.Contains("adapter_model.safetensors"))
                throw Unusable("this is a LoRA adapter (adapter_model.safetensors), not a base model; upload its base model instead");
        }
        var local = LocalModels.Inspect(dir);
        if (local.Problem is { } problem)
            throw Unusable(problem == "no tokenizer.json"
                ? "no tokenizer.json: the engine reads Hugging Face's fast tokenizer file (tokenizer.model alone is not supported)"
                : problem);
    }

    static ModelRequestException Unusable(string why) =>
        new(StatusCodes.Status422UnprocessableEntity, $"The upload is not a usable model: {why}. {Supported}");
}
