using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace AssistantBuilder.Engine.Tokenization.Training;

/// <summary>
/// Writes the files of a trained tokenizer as HF <c>tokenizers</c> and <c>transformers</c> do for SmolLM2-Instruct:
/// tokenizer.json (version 1.0, BPE with <c>[["a", "b"], ...]</c> merges, vocab in id order, added tokens),
/// tokenizer_config.json (GPT2Tokenizer, ChatML template with SmolLM2's default system message) and
/// special_tokens_map.json.
/// </summary>
internal static class TokenizerFiles
{
    public const string EndOfText = "<|endoftext|>";
    public const string ImStart = "<|im_start|>";
    public const string ImEnd = "<|im_end|>";

    /// <summary>SmolLM2-Instruct's chat template: ChatML, with a default system message when the first message is not one.</summary>
    public const string ChatMlTemplate =
        "{% for message in messages %}{% if loop.first and messages[0]['role'] != 'system' %}{{ '<|im_start|>system\n" +
        "You are a helpful AI assistant named SmolLM, trained by Hugging Face<|im_end|>\n' }}{% endif %}" +
        "{{'<|im_start|>' + message['role'] + '\n' + message['content'] + '<|im_end|>' + '\n'}}{% endfor %}" +
        "{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}";

    private static readonly JsonWriterOptions WriterOptions = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string TokenizerJson(TrainedBpeTokenizer tokenizer) => Write(writer =>
    {
        writer.WriteStartObject();
        writer.WriteString("version", "1.0");
        writer.WriteNull("truncation");
        writer.WriteNull("padding");
        writer.WriteStartArray("added_tokens");
        for (int id = 0; id < tokenizer.SpecialTokens.Count; id++)
        {
            writer.WriteStartObject();
            writer.WriteNumber("id", id);
            writer.WriteString("content", tokenizer.SpecialTokens[id]);
            writer.WriteBoolean("single_word", false);
            writer.WriteBoolean("lstrip", false);
            writer.WriteBoolean("rstrip", false);
            writer.WriteBoolean("normalized", false);
            writer.WriteBoolean("special", true);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
        writer.WriteNull("normalizer");
        writer.WritePropertyName("pre_tokenizer");
        ByteLevelLayout.PreTokenizer().WriteTo(writer);
        writer.WritePropertyName("post_processor");
        ByteLevelLayout.PostProcessor().WriteTo(writer);
        writer.WritePropertyName("decoder");
        ByteLevelLayout.Decoder().WriteTo(writer);

        writer.WriteStartObject("model");
        writer.WriteString("type", "BPE");
        writer.WriteNull("dropout");
        writer.WriteNull("unk_token");
        writer.WriteNull("continuing_subword_prefix");
        writer.WriteNull("end_of_word_suffix");
        writer.WriteBoolean("fuse_unk", false);
        writer.WriteBoolean("byte_fallback", false);
        writer.WriteBoolean("ignore_merges", false);
        writer.WriteStartObject("vocab");
        for (int id = 0; id < tokenizer.Vocab.Count; id++)
            writer.WriteNumber(tokenizer.Vocab[id], id);
        writer.WriteEndObject();
        writer.WriteStartArray("merges");
        foreach ((string left, string right) in tokenizer.Merges)
        {
            writer.WriteStartArray();
            writer.WriteStringValue(left);
            writer.WriteStringValue(right);
            writer.WriteEndArray();
        }
        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    public static string TokenizerConfigJson(TrainedBpeTokenizer tokenizer)
    {
        Roles roles = RolesOf(tokenizer.SpecialTokens);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("add_prefix_space", false);
            writer.WriteStartObject("added_tokens_decoder");
            for (int id = 0; id < tokenizer.SpecialTokens.Count; id++)
            {
                writer.WriteStartObject(id.ToString(System.Globalization.CultureInfo.InvariantCulture));
                writer.WriteString("content", tokenizer.SpecialTokens[id]);
                writer.WriteBoolean("lstrip", false);
                writer.WriteBoolean("normalized", false);
                writer.WriteBoolean("rstrip", false);
                writer.WriteBoolean("single_word", false);
                writer.WriteBoolean("special", true);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
            writer.WriteStartArray("additional_special_tokens");
            foreach (string token in roles.Additional)
                writer.WriteStringValue(token);
            writer.WriteEndArray();
            WriteOptional(writer, "bos_token", roles.Bos);
            if (roles.HasChatMl)
                writer.WriteString("chat_template", ChatMlTemplate);
            writer.WriteBoolean("clean_up_tokenization_spaces", false);
            WriteOptional(writer, "eos_token", roles.Eos);
            writer.WriteNumber("model_max_length", tokenizer.ModelMaxLength);
            WriteOptional(writer, "pad_token", roles.Pad);
            writer.WriteString("tokenizer_class", "GPT2Tokenizer");
            WriteOptional(writer, "unk_token", roles.Unk);
            writer.WriteEndObject();
        });
    }

    public static string SpecialTokensMapJson(TrainedBpeTokenizer tokenizer)
    {
        Roles roles = RolesOf(tokenizer.SpecialTokens);
        return Write(writer =>
        {
            writer.WriteStartObject();
            writer.WriteStartArray("additional_special_tokens");
            foreach (string token in roles.Additional)
                writer.WriteStringValue(token);
            writer.WriteEndArray();
            foreach ((string name, string? token) in new[] { ("bos_token", roles.Bos), ("eos_token", roles.Eos), ("pad_token", roles.Pad), ("unk_token", roles.Unk) })
            {
                if (token is null)
                    continue;
                writer.WriteStartObject(name);
                writer.WriteString("content", token);
                writer.WriteBoolean("lstrip", false);
                writer.WriteBoolean("normalized", false);
                writer.WriteBoolean("rstrip", false);
                writer.WriteBoolean("single_word", false);
                writer.WriteEndObject();
            }
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// The special-token roles, as SmolLM2-Instruct has them where the token exists: bos &lt;|im_start|&gt;
    /// (transformers' GPT2Tokenizer never prepends it), eos &lt;|im_end|&gt; (else &lt;|endoftext|&gt;),
    /// pad and unk &lt;|endoftext|&gt;; every other special token is an additional one.
    /// </summary>
    private sealed record Roles(string? Bos, string? Eos, string? Pad, string? Unk, IReadOnlyList<string> Additional)
    {
        public bool HasChatMl => Bos == ImStart && Eos == ImEnd;
    }

    private static Roles RolesOf(IReadOnlyList<string> specials)
    {
        string? Find(string token) => specials.Contains(token) ? token : null;
        string? endOfText = Find(EndOfText);
        return new Roles(Find(ImStart), Find(ImEnd) ?? endOfText, endOfText, endOfText,
            specials.Where(t => t != EndOfText).ToList());
    }

    private static void WriteOptional(Utf8JsonWriter writer, string name, string? value)
    {
        if (value is not null)
            writer.WriteString(name, value);
    }

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, WriterOptions))
            write(writer);
        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }
}
