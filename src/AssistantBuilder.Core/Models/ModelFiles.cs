using System.Text.Json;
using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Core.Models;

/// <summary>
/// Which files of a Hub repository make a model folder the engine can load, and why a repository cannot:
/// config, tokenizer and generation files, and the safetensors weights (one <c>model.safetensors</c>, or the
/// shards that <c>model.safetensors.index.json</c> maps). Other weights (PyTorch pickles, GGUF, a second copy
/// such as Mistral's <c>consolidated.safetensors</c>) are left on the Hub.
/// </summary>
public static class ModelFiles
{
    public const string Config = "config.json", Tokenizer = "tokenizer.json", Single = "model.safetensors", Index = "model.safetensors.index.json";

    /// <summary>Fetched when the repository has them; only config.json and tokenizer.json are required.</summary>
    public static readonly IReadOnlyList<string> TextFiles =
        [Config, "generation_config.json", Tokenizer, "tokenizer_config.json", "special_tokens_map.json", "chat_template.jinja"];

    static readonly string[] OtherWeightSuffixes = [".bin", ".pt", ".pth", ".ckpt", ".gguf", ".h5", ".msgpack", ".onnx"];

    /// <summary>Throws a message naming what is missing or unsupported when the file list cannot make a model folder.</summary>
    public static void Check(HubRepoInfo repo)
    {
        var top = repo.Files.Select(f => f.Name).Where(n => !n.Contains('/')).ToHashSet();
        if (!top.Contains(Config)) throw new HubException($"{repo.RepoId} has no config.json: not a Hugging Face transformers model");
        if (!top.Contains(Single) && !top.Contains(Index)) throw new HubException(NoWeights(repo.RepoId, top));
        if (!top.Contains(Tokenizer))
            throw new HubException($"{repo.RepoId} has no tokenizer.json: the engine reads Hugging Face's fast tokenizer file (tokenizer.model alone is not supported)");
    }

    static string NoWeights(string repoId, HashSet<string> top)
    {
        var other = top.Where(n => OtherWeightSuffixes.Any(s => n.EndsWith(s, StringComparison.OrdinalIgnoreCase))).Order(StringComparer.Ordinal).ToList();
        if (other.Count > 0)
            return $"only safetensors weights are supported; this repo has {Names(other.OrderBy(n => n.StartsWith("pytorch_model") ? 0 : 1).ToList())}" +
                (other.Any(n => n.EndsWith(".gguf", StringComparison.OrdinalIgnoreCase)) ? " (GGUF is llama.cpp's format)" : "");
        if (top.Contains("adapter_model.safetensors"))
            return $"{repoId} holds a LoRA adapter (adapter_model.safetensors), not a model: pull its base model and pass the adapter to --adapter";
        var safetensors = top.Where(n => n.EndsWith(".safetensors", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        return safetensors.Count > 0
            ? $"{repoId} has {Names(safetensors)} but no model.safetensors or model.safetensors.index.json (the Hugging Face layout the engine loads)"
            : $"{repoId} has no model weights (no model.safetensors or model.safetensors.index.json)";
    }

    static string Names(List<string> names) => string.Join(", ", names.Take(3)) + (names.Count > 3 ? $" and {names.Count - 3} more" : "");

    /// <summary>The files to fetch besides the weights, in the order they are fetched.</summary>
    public static IReadOnlyList<string> NonWeightFiles(HubRepoInfo repo) =>
        TextFiles.Where(f => repo.Find(f) is not null).Concat(repo.Find(Index) is null ? [] : [Index]).ToList();

    /// <summary>The weight files: model.safetensors, or the distinct shards the downloaded index maps tensors to.</summary>
    public static IReadOnlyList<string> WeightFiles(HubRepoInfo repo, string? indexPath)
    {
        if (indexPath is null) return [Single];
        List<string> shards;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(indexPath));
            shards = doc.RootElement.GetProperty("weight_map").EnumerateObject().Select(p => p.Value.GetString()!).Distinct().Order(StringComparer.Ordinal).ToList();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new HubException($"{repo.RepoId}: {Index} is not a valid shard index ({ex.Message})", ex);
        }
        if (shards.Count == 0) throw new HubException($"{repo.RepoId}: {Index} maps no tensors");
        foreach (var shard in shards)
        {
            if (shard.Contains('/') || shard.Contains('\\') || shard.StartsWith('.') || !shard.EndsWith(".safetensors", StringComparison.Ordinal))
                throw new HubException($"{repo.RepoId}: {Index} names '{shard}', which is not a safetensors file beside it");
            if (repo.Find(shard) is null) throw new HubException($"{repo.RepoId}: {Index} names {shard}, which the repository does not have");
        }
        return shards;
    }

    /// <summary>Throws when config.json names an architecture the engine does not implement.</summary>
    public static void CheckArchitecture(string repoId, string configPath)
    {
        string? arch;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(configPath));
            arch = doc.RootElement.TryGetProperty("architectures", out var a) && a.ValueKind == JsonValueKind.Array && a.GetArrayLength() > 0
                ? a[0].GetString() : null;
        }
        catch (JsonException ex) { throw new HubException($"{repoId}: config.json is not valid JSON ({ex.Message})", ex); }
        if (arch is null || !ModelConfig.SupportedArchitectures.Contains(arch))
            throw new HubException($"{repoId}: unsupported architecture {arch ?? "(config.json names none)"}; supported: " +
                string.Join(", ", ModelConfig.SupportedArchitectures.Order(StringComparer.Ordinal)));
    }
}
