using System.Text.Json.Nodes;
using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Tests.Tokenization;

/// <summary>
/// A tiny byte-level BPE tokenizer.json in the shape of Qwen2 / Llama 3 / GPT-2. Ids 0..255 are the bytes
/// themselves (so an unmerged byte's id is its value: ' ' = 32, '\n' = 10), merge number r yields id 256 + r,
/// ids 279..299 are unused fillers, and the added tokens follow at 300+.
/// </summary>
internal static class ByteLevelFixture
{
    public const string QwenPattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    public const string Llama3Pattern =
        @"(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+";

    // In the GPT-2 byte alphabet: Ġ = ' ', Ċ = '\n', "Ã©" = é (C3 A9), "ä¸Ń" = 中 (E4 B8 AD).
    public static readonly string[] Merges =
    [
        "l l", "e ll", "h ell", "hell o",            // 256 ll, 257 ell, 258 hell, 259 hello
        "Ġ t", "h e", "Ġt he",                       // 260 Ġt, 261 he, 262 Ġthe
        "Ġ w", "o r", "Ġw or", "l d", "Ġwor ld",     // 263 Ġw, 264 or, 265 Ġwor, 266 ld, 267 Ġworld
        "Ġ Ġ", "' s", "1 2", "Ċ Ċ", "h i",           // 268 ĠĠ, 269 's, 270 12, 271 ĊĊ, 272 hi
        "Ã ©", "ä ¸", "ä¸ Ń", "Ġ h", "Ġ hello",      // 273 é, 274, 275 中, 276 Ġh, 277 Ġhello
    ];

    public const int Hello = 259, Ghello = 277, Gworld = 267, Hi = 272, GG = 268, NewLines = 271, E_acute = 273, Zhong = 275;
    public const int Gxyz = 278; // in the vocab but reachable by no merge: only ignore_merges yields it
    public const int EndOfText = 300, ImStart = 301, ImEnd = 302, BeginOfText = 303, Mask = 304, Tool = 305, SingleWord = 306;

    public static JsonObject QwenPreTokenizer(string pattern = QwenPattern) => Sequence(
        Split(pattern),
        new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = false, ["use_regex"] = false });

    public static JsonObject Split(string pattern) => new()
    {
        ["type"] = "Split", ["pattern"] = new JsonObject { ["Regex"] = pattern }, ["behavior"] = "Isolated", ["invert"] = false,
    };

    public static JsonObject ByteLevel(bool addPrefixSpace, bool useRegex = true) => new()
    {
        ["type"] = "ByteLevel", ["add_prefix_space"] = addPrefixSpace, ["trim_offsets"] = true, ["use_regex"] = useRegex,
    };

    public static JsonObject Sequence(params JsonNode[] steps) => new() { ["type"] = "Sequence", ["pretokenizers"] = new JsonArray(steps) };

    /// <summary>Llama 3's post-processor: ByteLevel, then TemplateProcessing adding &lt;|begin_of_text|&gt;.</summary>
    public static JsonObject BosPostProcessor() => new()
    {
        ["type"] = "Sequence",
        ["processors"] = new JsonArray(
            ByteLevelProcessor(),
            Json.Template("<|begin_of_text|>", BeginOfText)),
    };

    public static HfTokenizer Qwen(bool ignoreMerges = false, bool arrayMerges = false) =>
        Create(QwenPreTokenizer(), ByteLevelProcessor(), ignoreMerges, arrayMerges);

    public static JsonObject ByteLevelProcessor() => new()
    {
        ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = false, ["use_regex"] = false,
    };

    public static HfTokenizer Llama3(bool ignoreMerges = true) =>
        Create(QwenPreTokenizer(Llama3Pattern), BosPostProcessor(), ignoreMerges);

    public static HfTokenizer Create(JsonNode? preTokenizer, JsonNode? postProcessor = null, bool ignoreMerges = false,
        bool arrayMerges = false) =>
        HfTokenizer.FromJson(Document(preTokenizer, postProcessor, ignoreMerges, arrayMerges).ToJsonString(), "byte-level-fixture.json");

    public static JsonObject Document(JsonNode? preTokenizer, JsonNode? postProcessor, bool ignoreMerges = false, bool arrayMerges = false) => new()
    {
        ["version"] = "1.0",
        ["added_tokens"] = new JsonArray(
            Json.Added(EndOfText, "<|endoftext|>"),
            Json.Added(ImStart, "<|im_start|>"),
            Json.Added(ImEnd, "<|im_end|>"),
            Json.Added(BeginOfText, "<|begin_of_text|>"),
            Json.Added(Mask, "<mask>", lstrip: true, rstrip: true),
            Json.Added(Tool, "<tool>", special: false, normalized: true),
            Json.Added(SingleWord, "<sw>", special: false, singleWord: true)),
        ["normalizer"] = new JsonObject { ["type"] = "NFC" },
        ["pre_tokenizer"] = preTokenizer,
        ["post_processor"] = postProcessor,
        ["decoder"] = new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = true, ["trim_offsets"] = true, ["use_regex"] = true },
        ["model"] = Model(ignoreMerges, arrayMerges),
    };

    private static JsonObject Model(bool ignoreMerges, bool arrayMerges)
    {
        var vocab = new JsonObject();
        for (int b = 0; b < 256; b++)
            vocab[ByteLevelAlphabet.CharFor((byte)b).ToString()] = b;
        for (int r = 0; r < Merges.Length; r++)
            vocab[Merges[r].Replace(" ", "")] = 256 + r;
        vocab["Ġxyz"] = Gxyz;
        for (int id = Gxyz + 1; id < EndOfText; id++)
            vocab[$"<unused{id}>"] = id; // fill up to 300 so the added tokens follow the vocab, as HF numbers them
        return Json.BpeModel(vocab, Merges, ignoreMerges, arrayMerges);
    }
}
