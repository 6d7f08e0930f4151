using static AssistantBuilder.Engine.Tests.Tokenization.ByteLevelFixture;

namespace AssistantBuilder.Engine.Tests.Tokenization;

/// <summary>
/// Byte-level BPE (Qwen2-style Split regex + ByteLevel). Expected ids are worked out by hand from the fixture's
/// merges; the comments give the pre-tokens the regex produces and the merges that fire.
/// </summary>
public class ByteLevelBpeTests
{
    private static readonly AssistantBuilder.Engine.Tokenization.HfTokenizer Tokenizer = Qwen();

    [Theory]
    // "hello" | "Ġworld": ll, ell, hell, hello; Ġw, or, Ġwor, ld, Ġworld
    [InlineData("hello world", new[] { Hello, Gworld })]
    // "Ġ" | "Ġhello": \s+(?!\S) leaves the last space to the word
    [InlineData("  hello", new[] { 32, Ghello })]
    [InlineData("hello  world", new[] { Hello, 32, Gworld })]
    // trailing "ĠĠ" is one pre-token, merged by "Ġ Ġ"
    [InlineData("hello world  ", new[] { Hello, Gworld, GG })]
    [InlineData(" ", new[] { 32 })]
    [InlineData("", new int[0])]
    // "hi" | "ĊĊ" (\s*[\r\n]+) | "the": "h e" fires, "t" stays
    [InlineData("hi\n\nthe", new[] { Hi, NewLines, 116, 261 })]
    // " hi": "h i" (rank 16) beats "Ġ h" (rank 20), and "Ġ hi" is no merge
    [InlineData(" hi", new[] { 32, Hi })]
    // Qwen splits digits one by one, so "1 2" never fires
    [InlineData("12 123", new[] { 49, 50, 32, 49, 50, 51 })]
    // "he" | "'s" from the case-insensitive contraction branch
    [InlineData("he's", new[] { 261, 269 })]
    [InlineData("HE'S", new[] { 72, 69, 39, 83 })]
    [InlineData("é", new[] { E_acute })]
    // 中 = E4 B8 AD merges; 文 = E6 96 87 stays three bytes
    [InlineData("中文", new[] { Zhong, 0xE6, 0x96, 0x87 })]
    // 🙂 = F0 9F 99 82, no merges: four byte tokens
    [InlineData("hi🙂", new[] { Hi, 0xF0, 0x9F, 0x99, 0x82 })]
    public void Encodes_like_hf(string text, int[] expected) => Assert.Equal(expected, Tokenizer.Encode(text));

    [Fact]
    public void Nfc_normalizer_composes_before_encoding() =>
        Assert.Equal(new[] { E_acute }, Tokenizer.Encode("e\u0301"));

    [Fact]
    public void Llama3_regex_groups_up_to_three_digits() =>
        Assert.Equal(new[] { 270, 32, 270, 51 }, Llama3().Encode("12 123", addSpecialTokens: false));

    [Theory]
    // 𝐀 (U+1D400) is a letter and 𝟙 𝟚 (U+1D7D9..) are digits: Oniguruma matches them as one code point each,
    // so each input is a single pre-token. A per-UTF-16 .NET regex would cut them into several.
    [InlineData(QwenPattern, " a𝐀b", 5)]
    [InlineData(Llama3Pattern, "𝟙𝟚3", 5)]
    public void Regex_treats_supplementary_characters_as_code_points(string pattern, string text, int end) =>
        Assert.Equal(new[] { (0, end) }, new AssistantBuilder.Engine.Tokenization.UnicodeRegex(pattern).Matches(text));

    [Fact]
    public void Array_form_merges_encode_the_same() =>
        Assert.Equal(Tokenizer.Encode("hello world  hi\n\n"), Qwen(arrayMerges: true).Encode("hello world  hi\n\n"));

    [Fact]
    public void Ignore_merges_maps_a_whole_vocab_pre_token_directly()
    {
        Assert.Equal(new[] { 120, Gxyz }, Qwen(ignoreMerges: true).Encode("x xyz"));
        Assert.Equal(new[] { 120, 32, 120, 121, 122 }, Qwen(ignoreMerges: false).Encode("x xyz"));
    }

    [Fact]
    public void Template_post_processor_adds_bos_only_with_special_tokens()
    {
        var llama3 = Llama3();
        Assert.Equal(new[] { BeginOfText, Hi }, llama3.Encode("hi"));
        Assert.Equal(new[] { Hi }, llama3.Encode("hi", addSpecialTokens: false));
        Assert.Equal(new[] { BeginOfText }, llama3.Encode(""));
    }

    [Fact]
    public void Plain_byte_level_pre_tokenizer_uses_the_gpt2_regex()
    {
        var gpt2 = Create(ByteLevel(addPrefixSpace: false));
        // "hello" "Ġworld" "ĠĠĠ": the first "Ġ Ġ" merge wins, the third space stays alone
        Assert.Equal(new[] { Hello, Gworld, GG, 32 }, gpt2.Encode("hello world   "));
        // GPT-2's regex keeps digits together, so "1 2" fires
        Assert.Equal(new[] { 97, 32, 270 }, gpt2.Encode("a 12"));
    }

    [Fact]
    public void Byte_level_prefix_space_is_added_to_every_piece_between_added_tokens()
    {
        var prefixed = Create(ByteLevel(addPrefixSpace: true));
        Assert.Equal(new[] { Ghello, Gworld }, prefixed.Encode("hello world"));
        Assert.Equal(new[] { EndOfText, Ghello }, prefixed.Encode("<|endoftext|>hello"));
    }

    [Fact]
    public void Byte_level_without_regex_keeps_the_piece_whole()
    {
        // "Ġhello" "Ġ" "world" as one word: Ġhello forms, then "Ġ w" ... "Ġworld"
        var whole = Create(ByteLevel(addPrefixSpace: false, useRegex: false));
        Assert.Equal(new[] { Hello, Gworld }, whole.Encode("hello world"));
    }

    [Theory]
    [InlineData(true, new[] { 97, 49, 50 })]
    [InlineData(false, new[] { 97, 270 })]
    public void Digits_pre_tokenizer(bool individualDigits, int[] expected)
    {
        var digits = Create(Sequence(
            new System.Text.Json.Nodes.JsonObject { ["type"] = "Digits", ["individual_digits"] = individualDigits },
            ByteLevel(addPrefixSpace: false)));
        Assert.Equal(expected, digits.Encode("a12"));
    }

    [Fact]
    public void Punctuation_pre_tokenizer_isolates_each_mark()
    {
        var punctuation = Create(Sequence(
            new System.Text.Json.Nodes.JsonObject { ["type"] = "Punctuation", ["behavior"] = "Isolated" },
            ByteLevel(addPrefixSpace: false, useRegex: false)));
        // "he" | "'" | "s" : without the split, "' s" would merge
        Assert.Equal(new[] { 261, 39, 115 }, punctuation.Encode("he's"));
    }

    [Theory]
    [InlineData("hello world")]
    [InlineData("  leading and trailing  ")]
    [InlineData("tabs\tand\nnew\r\nlines\n\n\n")]
    [InlineData("numbers 1234567890 and 3.14")]
    [InlineData("I'm sure they'll say it's fine, we've done it, she'd agree")]
    [InlineData("Ünïcödé café naïve 中文字符 日本語 한국어 العربية")]
    [InlineData("emoji 🙂👍🏽 family 👨‍👩‍👧 flags 🇫🇷")]
    [InlineData("math 𝐀𝐁𝐂 and 𝟙𝟚")]
    [InlineData("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n")]
    [InlineData("code: if (x != null) { return x?.y ?? z; } // done")]
    public void Decode_of_encode_round_trips(string text)
    {
        Assert.Equal(text, Tokenizer.Decode(Tokenizer.Encode(text), skipSpecialTokens: false));
        Assert.Equal(text, Llama3().Decode(Llama3().Encode(text, addSpecialTokens: false), skipSpecialTokens: false));
    }

    [Fact]
    public void Decode_skips_special_tokens_on_request()
    {
        IReadOnlyList<int> ids = Tokenizer.Encode("<|im_start|>hi<|im_end|>");
        Assert.Equal("hi", Tokenizer.Decode(ids));
        Assert.Equal("<|im_start|>hi<|im_end|>", Tokenizer.Decode(ids, skipSpecialTokens: false));
    }

    [Fact]
    public void Decode_of_a_lone_byte_gives_a_replacement_character() =>
        Assert.Equal("hi\uFFFD", Tokenizer.Decode([Hi, 0xF0, 0x9F]));

    [Fact]
    public void Vocabulary_lookups()
    {
        Assert.Equal(307, Tokenizer.VocabSize);
        Assert.Equal(Hello, Tokenizer.TokenToId("hello"));
        Assert.Equal(ImStart, Tokenizer.TokenToId("<|im_start|>"));
        Assert.Null(Tokenizer.TokenToId("nope"));
        Assert.Equal("Ġworld", Tokenizer.IdToToken(Gworld));
        Assert.Equal("<|im_end|>", Tokenizer.IdToToken(ImEnd));
        Assert.Equal("<unused299>", Tokenizer.IdToToken(299));
        Assert.Null(Tokenizer.IdToToken(999));
        Assert.Null(Tokenizer.IdToToken(-1));
        Assert.True(Tokenizer.IsSpecial(ImEnd));
        Assert.False(Tokenizer.IsSpecial(Tool));
        Assert.False(Tokenizer.IsSpecial(Hello));
        Assert.Equal(new[] { EndOfText, ImStart, ImEnd, BeginOfText, Mask }, Tokenizer.SpecialTokenIds);
    }
}
