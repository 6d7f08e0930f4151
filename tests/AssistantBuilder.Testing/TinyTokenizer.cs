using System.Text.Json;

namespace AssistantBuilder.Testing;

/// <summary>
/// A small byte-level BPE tokenizer in HF's tokenizer.json format (GPT-2 byte-to-unicode alphabet, a few merges,
/// ChatML special tokens) and a tokenizer_config.json with a ChatML chat template, for tiny test models.
/// </summary>
public static class TinyTokenizer
{
    public static readonly (string Left, string Right)[] Merges = [("h", "e"), ("l", "l"), ("he", "ll"), ("Ġ", "w"), ("o", "r")];
    public const int EndOfText = 256 + 5, ImStart = EndOfText + 1, ImEnd = EndOfText + 2, VocabSize = EndOfText + 3;
    public const string ChatMlTemplate =
        "{% for message in messages %}{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    /// <summary>GPT-2's reversible map from bytes to printable characters.</summary>
    public static char[] ByteToChar()
    {
        var map = new char[256];
        int next = 256;
        for (int b = 0; b < 256; b++)
            map[b] = (b is >= 33 and <= 126 or >= 161 and <= 172 or >= 174 and <= 255) ? (char)b : (char)next++;
        return map;
    }

    public static string TokenizerJson()
    {
        var bytes = ByteToChar();
        var vocab = new Dictionary<string, int>();
        for (int b = 0; b < 256; b++) vocab[bytes[b].ToString()] = b;
        foreach (var (l, r) in Merges) vocab[l + r] = vocab.Count;
        var added = new[] { (EndOfText, "<|endoftext|>"), (ImStart, "<|im_start|>"), (ImEnd, "<|im_end|>") }
            .Select(a => new { id = a.Item1, content = a.Item2, single_word = false, lstrip = false, rstrip = false, normalized = false, special = true });
        var byteLevel = new { type = "ByteLevel", add_prefix_space = false, trim_offsets = true, use_regex = true };
        return JsonSerializer.Serialize(new
        {
            version = "1.0", truncation = (object?)null, padding = (object?)null, added_tokens = added, normalizer = (object?)null,
            pre_tokenizer = byteLevel, post_processor = byteLevel, decoder = byteLevel,
            model = new
            {
                type = "BPE", dropout = (object?)null, unk_token = (object?)null, continuing_subword_prefix = "", end_of_word_suffix = "",
                fuse_unk = false, byte_fallback = false, ignore_merges = false, vocab, merges = Merges.Select(m => $"{m.Left} {m.Right}"),
            },
        });
    }

    public static void WriteFiles(string dir)
    {
        File.WriteAllText(Path.Combine(dir, "tokenizer.json"), TokenizerJson());
        File.WriteAllText(Path.Combine(dir, "tokenizer_config.json"), JsonSerializer.Serialize(new
        {
            bos_token = (string?)null, eos_token = "<|im_end|>", pad_token = "<|endoftext|>", chat_template = ChatMlTemplate,
            model_max_length = 128, tokenizer_class = "GPT2Tokenizer",
        }));
    }
}
