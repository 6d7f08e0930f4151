using System.Text.Json;
using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Core.Models;

/// <summary>Finds the model folders under one or more models directories and describes each without loading weights.</summary>
public static class LocalModels
{
    /// <summary>Every subfolder of each existing root (each root once), sorted by name within a root.</summary>
    public static IReadOnlyList<LocalModel> Scan(IEnumerable<string> roots) =>
        roots.Select(r => Path.TrimEndingDirectorySeparator(Path.GetFullPath(r))).Distinct().Where(Directory.Exists)
            .SelectMany(r => Directory.EnumerateDirectories(r).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal))
            .Select(Inspect).ToList();

    public static LocalModel Inspect(string dir)
    {
        string name = Path.GetFileName(Path.TrimEndingDirectorySeparator(dir));
        var model = new LocalModel(name, Path.GetFullPath(dir), null, null, null, null, HasChatTemplate(dir), null);
        if (name.EndsWith(".partial", StringComparison.Ordinal))
            return model with { Problem = "incomplete download: run the same ab models pull again to resume it" };
        string config = Path.Combine(dir, ModelFiles.Config);
        if (!File.Exists(config)) return model with { Problem = "no config.json" };
        using (var doc = TryParse(config))
        {
            if (doc?.RootElement is not { ValueKind: JsonValueKind.Object } root) return model with { Problem = "config.json is not a JSON object" };
            model = model with { Architecture = Architecture(root), VocabSize = root.TryGetProperty("vocab_size", out var v) && v.TryGetInt32(out int n) ? n : null };
        }
        if (model.Architecture is not { } arch || !ModelConfig.SupportedArchitectures.Contains(arch))
            return model with { Problem = $"unsupported architecture {model.Architecture ?? "(config.json names none)"}" };
        try { ModelConfig.FromFile(config); }
        catch (CheckpointException ex) { return model with { Problem = WithoutPath(ex.Message, config) }; }
        model = Weights(dir, model);
        if (model.Problem is null && !File.Exists(Path.Combine(dir, ModelFiles.Tokenizer))) model = model with { Problem = "no tokenizer.json" };
        return model;
    }

    // Parameter count and dtype from the safetensors headers: element counts summed, the dtype holding most of them.
    static LocalModel Weights(string dir, LocalModel model)
    {
        bool single = File.Exists(Path.Combine(dir, ModelFiles.Single)), sharded = File.Exists(Path.Combine(dir, ModelFiles.Index));
        if (!single && !sharded)
        {
            var other = Directory.EnumerateFiles(dir).Select(Path.GetFileName).Where(n => n!.EndsWith(".bin") || n.EndsWith(".gguf") || n.EndsWith(".pth")).Order().FirstOrDefault();
            return model with { Problem = other is null ? "no safetensors weights" : $"no safetensors weights (only {other}, which is not supported)" };
        }
        try
        {
            using var reader = CheckpointReader.Open(dir);
            var entries = reader.Entries.ToList();
            if (entries.Count == 0) return model with { Problem = "the safetensors files hold no tensors" };
            string dtype = entries.GroupBy(e => e.DType).OrderByDescending(g => g.Sum(e => e.ElementCount)).First().Key;
            return model with { Parameters = entries.Sum(e => e.ElementCount), Dtype = TorchName(dtype) };
        }
        catch (CheckpointException ex) { return model with { Problem = ex.Message.Replace(dir + Path.DirectorySeparatorChar, "") }; }
        catch (IOException ex) { return model with { Problem = $"cannot read the weights ({ex.Message})" }; }
    }

    static string TorchName(string safetensorsDtype) => safetensorsDtype switch
    {
        "F32" => "float32", "F16" => "float16", "BF16" => "bfloat16", "F64" => "float64",
        _ => safetensorsDtype.ToLowerInvariant(),
    };

    static bool HasChatTemplate(string dir)
    {
        if (File.Exists(Path.Combine(dir, "chat_template.jinja"))) return true;
        using var doc = TryParse(Path.Combine(dir, "tokenizer_config.json"));
        return doc?.RootElement is { ValueKind: JsonValueKind.Object } root && root.TryGetProperty("chat_template", out var t)
            && t.ValueKind is JsonValueKind.String or JsonValueKind.Array;
    }

    static string? Architecture(JsonElement root) =>
        root.TryGetProperty("architectures", out var a) && a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0
            && a[0].ValueKind == JsonValueKind.String ? a[0].GetString() : null;

    static JsonDocument? TryParse(string path)
    {
        if (!File.Exists(path)) return null;
        try { return JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException) { return null; }
    }

    static string WithoutPath(string message, string path) => message.StartsWith(path + ": ", StringComparison.Ordinal) ? message[(path.Length + 2)..] : message;
}
