using System.Text.Json;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>Builds the <see cref="BpeModel"/> from tokenizer.json's <c>model</c> object.</summary>
internal static class BpeModelFactory
{
    public static BpeModel Create(JsonElement model, LoadContext context)
    {
        if (model.ValueKind != JsonValueKind.Object)
            throw context.Invalid("'model' must be a JSON object.");
        // HF deserializes an untagged model too; a BPE model is the one with merges.
        string type = LoadContext.OptionalString(model, "type") ?? (model.TryGetProperty("merges", out _) ? "BPE" : "(untagged)");
        if (type != "BPE")
            throw context.Unsupported("model", type);
        if (model.TryGetProperty("dropout", out JsonElement dropout) && dropout.ValueKind == JsonValueKind.Number && dropout.GetDouble() > 0)
            throw new NotSupportedException($"{context.SourceName}: BPE dropout ({dropout.GetDouble()}) is not supported; it makes encoding random.");

        Dictionary<string, int> vocab = ReadVocab(model, context);
        var settings = new BpeSettings(
            LoadContext.OptionalString(model, "unk_token"),
            NullIfEmpty(LoadContext.OptionalString(model, "continuing_subword_prefix")),
            NullIfEmpty(LoadContext.OptionalString(model, "end_of_word_suffix")),
            LoadContext.OptionalBool(model, "fuse_unk", false),
            LoadContext.OptionalBool(model, "byte_fallback", false),
            LoadContext.OptionalBool(model, "ignore_merges", false));
        BpeMerges merges = ReadMerges(model, vocab, settings.ContinuingSubwordPrefix, context);
        return new BpeModel(vocab, merges, settings);
    }

    // Qwen2/3 files write "" for both; an empty prefix or suffix changes nothing, and null keeps the fast path.
    private static string? NullIfEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;

    private static Dictionary<string, int> ReadVocab(JsonElement model, LoadContext context)
    {
        if (!model.TryGetProperty("vocab", out JsonElement json) || json.ValueKind != JsonValueKind.Object)
            throw context.Invalid("the BPE model needs a 'vocab' object mapping tokens to ids.");
        var vocab = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (JsonProperty entry in json.EnumerateObject())
        {
            if (!entry.Value.TryGetInt32(out int id) || id < 0)
                throw context.Invalid($"vocab entry '{entry.Name}' must have a non-negative integer id.");
            vocab[entry.Name] = id;
        }
        return vocab;
    }

    /// <summary>
    /// Merges as <c>"a b"</c> strings or <c>["a", "b"]</c> pairs; like HF, every part and every merged token
    /// (a + b without the subword prefix) must be in the vocabulary.
    /// </summary>
    private static BpeMerges ReadMerges(JsonElement model, Dictionary<string, int> vocab, string? prefix, LoadContext context)
    {
        var merges = new BpeMerges();
        if (!model.TryGetProperty("merges", out JsonElement json) || json.ValueKind == JsonValueKind.Null)
            return merges;
        if (json.ValueKind != JsonValueKind.Array)
            throw context.Invalid("the BPE model's 'merges' must be an array.");
        int rank = 0;
        foreach (JsonElement merge in json.EnumerateArray())
        {
            (string left, string right) = ParseMerge(merge, rank, context);
            int leftId = IdOf(left, vocab, rank, context);
            int rightId = IdOf(right, vocab, rank, context);
            // HF: a + b[prefix_len..], cutting the prefix length off b unconditionally.
            string merged = left + (prefix is null ? right : right[Math.Min(prefix.Length, right.Length)..]);
            merges.Add(leftId, rightId, rank, IdOf(merged, vocab, rank, context));
            rank++;
        }
        return merges;
    }

    private static (string, string) ParseMerge(JsonElement merge, int rank, LoadContext context)
    {
        if (merge.ValueKind == JsonValueKind.String)
        {
            string[] parts = merge.GetString()!.Split(' ');
            if (parts.Length == 2)
                return (parts[0], parts[1]);
        }
        else if (merge.ValueKind == JsonValueKind.Array && merge.GetArrayLength() == 2 &&
                 merge[0].ValueKind == JsonValueKind.String && merge[1].ValueKind == JsonValueKind.String)
        {
            return (merge[0].GetString()!, merge[1].GetString()!);
        }
        throw context.Invalid($"merge #{rank + 1} must be \"a b\" or [\"a\", \"b\"], found {merge.GetRawText()}.");
    }

    private static int IdOf(string token, Dictionary<string, int> vocab, int rank, LoadContext context) =>
        vocab.TryGetValue(token, out int id)
            ? id
            : throw context.Invalid($"merge #{rank + 1} uses '{token}', which is not in the vocab.");
}
