using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Checkpoints;

namespace AssistantBuilder.Engine.Generation;

/// <summary>The optional generation_config.json of an HF model folder: end-of-sequence ids and sampling defaults.</summary>
public sealed record GenerationConfig(
    IReadOnlyList<int> EosTokenIds, bool DoSample, double? Temperature, int? TopK, double? TopP, double? RepetitionPenalty, int? MaxNewTokens)
{
    public static GenerationConfig Empty { get; } = new([], false, null, null, null, null, null);

    public static GenerationConfig FromDirectory(string directory)
    {
        string path = Path.Combine(directory, "generation_config.json");
        if (!File.Exists(path)) return Empty;
        JsonObject json;
        try { json = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new CheckpointException($"{path}: not a JSON object"); }
        catch (System.Text.Json.JsonException ex) { throw new CheckpointException($"{path}: not valid JSON ({ex.Message})", ex); }
        return new GenerationConfig(
            json["eos_token_id"] switch
            {
                JsonArray a => a.Select(n => n!.GetValue<int>()).ToList(),
                JsonValue v when v.TryGetValue<int>(out int id) => [id],
                _ => [],
            },
            Get<bool>(json, "do_sample") ?? false, Get<double>(json, "temperature"), Get<int>(json, "top_k"),
            Get<double>(json, "top_p"), Get<double>(json, "repetition_penalty"), Get<int>(json, "max_new_tokens"));
    }

    static T? Get<T>(JsonObject json, string key) where T : struct =>
        json[key] is JsonValue v && v.TryGetValue<T>(out var value) ? value : null;

    /// <summary>Options where the caller's choices win, then this file's sampling defaults.</summary>
    public GenerationOptions Defaults() => new()
    {
        Temperature = DoSample ? Temperature ?? 1.0 : 0,
        TopK = DoSample ? TopK ?? 0 : 0,
        TopP = DoSample ? TopP ?? 1 : 1,
        RepetitionPenalty = RepetitionPenalty ?? 1,
        MaxNewTokens = MaxNewTokens ?? 256,
    };
}
