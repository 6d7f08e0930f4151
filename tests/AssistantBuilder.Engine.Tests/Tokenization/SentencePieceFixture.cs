using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Tests.Tokenization;

/// <summary>
/// A tiny SentencePiece-style BPE tokenizer.json in the shape of Llama 2 / TinyLlama / Mistral: &lt;unk&gt; 0,
/// &lt;s&gt; 1, &lt;/s&gt; 2, the byte tokens &lt;0x00&gt;..&lt;0xFF&gt; at 3..258 (so byte b is id 3 + b), then
/// single characters and merges.
/// </summary>
internal static class SentencePieceFixture
{
    public const int Unk = 0, Bos = 1, Eos = 2, ImStart = 285, ImEnd = 286;
    public const int Space = 259, H = 260, Zhong = 271;
    public const int Hello = 275, SpHello = 276, SpWorld = 281, SpSp = 282, Hi = 283, SpHi = 284;

    private static readonly string[] Characters = ["▁", "h", "e", "l", "o", "w", "r", "d", "i", "t", "a", "s", "中"]; // 259..271

    private static readonly string[] Merges =
    [
        "l l", "e ll", "h ell", "hell o", "▁ hello",       // 272 ll, 273 ell, 274 hell, 275 hello, 276 ▁hello
        "▁ w", "o r", "▁w or", "l d", "▁wor ld",           // 277 ▁w, 278 or, 279 ▁wor, 280 ld, 281 ▁world
        "▁ ▁", "h i", "▁ hi",                              // 282 ▁▁, 283 hi, 284 ▁hi
    ];

    public static int Byte(int b) => 3 + b;

    /// <summary>Llama 2 as converted by transformers: Prepend + Replace normalizer, no pre-tokenizer.</summary>
    public static HfTokenizer Llama2(bool byteFallback = true, bool fuseUnk = true) =>
        Load(Llama2Document(byteFallback, fuseUnk));

    public static JsonObject Llama2Document(bool byteFallback = true, bool fuseUnk = true) => Document(new JsonObject
    {
        ["normalizer"] = new JsonObject
        {
            ["type"] = "Sequence",
            ["normalizers"] = new JsonArray(
                new JsonObject { ["type"] = "Prepend", ["prepend"] = "▁" },
                new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["String"] = " " }, ["content"] = "▁" }),
        },
        ["pre_tokenizer"] = null,
        ["decoder"] = new JsonObject
        {
            ["type"] = "Sequence",
            ["decoders"] = new JsonArray(
                new JsonObject { ["type"] = "Replace", ["pattern"] = new JsonObject { ["String"] = "▁" }, ["content"] = " " },
                new JsonObject { ["type"] = "ByteFallback" },
                new JsonObject { ["type"] = "Fuse" },
                new JsonObject { ["type"] = "Strip", ["content"] = " ", ["start"] = 1, ["stop"] = 0 }),
        },
    }, byteFallback, fuseUnk);

    /// <summary>The newer conversion: no normalizer, a Metaspace pre-tokenizer; Metaspace, ByteFallback, Fuse decoders.</summary>
    public static HfTokenizer Metaspace(string prependScheme, bool split) => Load(MetaspaceDocument(prependScheme, split));

    public static JsonObject MetaspaceDocument(string prependScheme, bool split) => Document(new JsonObject
    {
        ["normalizer"] = null,
        ["pre_tokenizer"] = new JsonObject
        {
            ["type"] = "Metaspace", ["replacement"] = "▁", ["prepend_scheme"] = prependScheme, ["split"] = split,
        },
        ["decoder"] = new JsonObject
        {
            ["type"] = "Sequence",
            ["decoders"] = new JsonArray(
                new JsonObject { ["type"] = "Metaspace", ["replacement"] = "▁", ["prepend_scheme"] = prependScheme, ["split"] = split },
                new JsonObject { ["type"] = "ByteFallback" },
                new JsonObject { ["type"] = "Fuse" }),
        },
    }, byteFallback: true, fuseUnk: true);

    private static HfTokenizer Load(JsonObject document) => HfTokenizer.FromJson(document.ToJsonString(), "sentencepiece-fixture.json");

    private static JsonObject Document(JsonObject pipeline, bool byteFallback, bool fuseUnk)
    {
        var vocab = new JsonObject { ["<unk>"] = Unk, ["<s>"] = Bos, ["</s>"] = Eos };
        for (int b = 0; b < 256; b++)
            vocab[$"<0x{b:X2}>"] = Byte(b);
        for (int i = 0; i < Characters.Length; i++)
            vocab[Characters[i]] = 259 + i;
        for (int r = 0; r < Merges.Length; r++)
            vocab[Merges[r].Replace(" ", "")] = 272 + r;

        var document = new JsonObject
        {
            ["version"] = "1.0",
            ["added_tokens"] = new JsonArray(
                Json.Added(Unk, "<unk>"), Json.Added(Bos, "<s>"), Json.Added(Eos, "</s>"),
                Json.Added(ImStart, "<|im_start|>"), Json.Added(ImEnd, "<|im_end|>")),
            ["post_processor"] = Json.Template("<s>", Bos),
            ["model"] = Json.BpeModel(vocab, Merges, unk: "<unk>", byteFallback: byteFallback, fuseUnk: fuseUnk),
        };
        foreach ((string key, JsonNode? value) in pipeline)
            document[key] = value?.DeepClone();
        return document;
    }
}
