using System.Text.Json.Nodes;

namespace AssistantBuilder.Engine.Tests.Tokenization;

/// <summary>Small builders for tokenizer.json pieces, in HF's serialized shapes.</summary>
internal static class Json
{
    public static JsonObject Added(int id, string content, bool special = true, bool lstrip = false, bool rstrip = false,
        bool normalized = false, bool singleWord = false) => new()
    {
        ["id"] = id, ["content"] = content, ["single_word"] = singleWord, ["lstrip"] = lstrip,
        ["rstrip"] = rstrip, ["normalized"] = normalized, ["special"] = special,
    };

    public static JsonObject Template(string bos, int bosId) => new()
    {
        ["type"] = "TemplateProcessing",
        ["single"] = new JsonArray(
            new JsonObject { ["SpecialToken"] = new JsonObject { ["id"] = bos, ["type_id"] = 0 } },
            new JsonObject { ["Sequence"] = new JsonObject { ["id"] = "A", ["type_id"] = 0 } }),
        ["pair"] = new JsonArray(
            new JsonObject { ["Sequence"] = new JsonObject { ["id"] = "A", ["type_id"] = 0 } },
            new JsonObject { ["Sequence"] = new JsonObject { ["id"] = "B", ["type_id"] = 1 } }),
        ["special_tokens"] = new JsonObject
        {
            [bos] = new JsonObject { ["id"] = bos, ["ids"] = new JsonArray(bosId), ["tokens"] = new JsonArray(bos) },
        },
    };

    public static JsonObject BpeModel(JsonObject vocab, IEnumerable<string> merges, bool ignoreMerges = false,
        bool arrayMerges = false, string? unk = null, bool byteFallback = false, bool fuseUnk = false) => new()
    {
        ["type"] = "BPE",
        ["dropout"] = null,
        ["unk_token"] = unk,
        ["continuing_subword_prefix"] = null,
        ["end_of_word_suffix"] = null,
        ["fuse_unk"] = fuseUnk,
        ["byte_fallback"] = byteFallback,
        ["ignore_merges"] = ignoreMerges,
        ["vocab"] = vocab,
        ["merges"] = arrayMerges
            ? new JsonArray(merges.Select(m => (JsonNode)new JsonArray(m.Split(' ')[0], m.Split(' ')[1])).ToArray())
            : new JsonArray(merges.Select(m => (JsonNode)JsonValue.Create(m)).ToArray()),
    };
}
