using System.Text.Json;
using System.Text.Json.Nodes;

namespace AssistantBuilder.Engine.Tokenization.Training;

/// <summary>
/// The pipeline around the trained model, as tokenizer.json spells it (SmolLM2 / Llama 3 / HF ByteLevelBPETokenizer
/// shape): a Split with <see cref="BpeTrainerOptions.SplitPattern"/> then ByteLevel without its own regex, and the
/// ByteLevel post-processor and decoder. Training builds its pre-tokenizer from this same JSON with the loader's
/// factory, so the words it counts are exactly the pre-tokens the written file produces.
/// </summary>
internal static class ByteLevelLayout
{
    public static JsonObject PreTokenizer() => new()
    {
        ["type"] = "Sequence",
        ["pretokenizers"] = new JsonArray(
            new JsonObject
            {
                ["type"] = "Split",
                ["pattern"] = new JsonObject { ["Regex"] = BpeTrainerOptions.SplitPattern },
                ["behavior"] = "Isolated",
                ["invert"] = false,
            },
            new JsonObject { ["type"] = "ByteLevel", ["add_prefix_space"] = false, ["trim_offsets"] = true, ["use_regex"] = false }),
    };

    public static JsonObject PostProcessor() =>
        new() { ["type"] = "ByteLevel", ["add_prefix_space"] = true, ["trim_offsets"] = false, ["use_regex"] = true };

    public static JsonObject Decoder() =>
        new() { ["type"] = "ByteLevel", ["add_prefix_space"] = true, ["trim_offsets"] = true, ["use_regex"] = true };

    /// <summary>The loader's pre-tokenizer for <see cref="PreTokenizer"/>.</summary>
    public static IPreTokenizer CreatePreTokenizer()
    {
        JsonElement json = JsonSerializer.SerializeToElement(PreTokenizer());
        return PreTokenizerFactory.Create(json, new LoadContext("trainer pre_tokenizer"))!;
    }

    /// <summary>The 256 byte tokens in HF's trainer order: sorted by character (which is GPT-2's vocabulary order).</summary>
    public static string[] SortedAlphabet()
    {
        var chars = new char[BpeTrainerOptions.ByteAlphabetSize];
        for (int b = 0; b < chars.Length; b++)
            chars[b] = ByteLevelAlphabet.CharFor((byte)b);
        Array.Sort(chars);
        return chars.Select(c => c.ToString()).ToArray();
    }
}
