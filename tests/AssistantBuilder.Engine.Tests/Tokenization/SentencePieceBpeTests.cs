using static AssistantBuilder.Engine.Tests.Tokenization.SentencePieceFixture;

namespace AssistantBuilder.Engine.Tests.Tokenization;

/// <summary>
/// SentencePiece-style BPE with byte fallback (Llama 2 / Mistral shapes). With the Prepend + Replace normalizer
/// and no pre-tokenizer, each piece between added tokens is one word for BPE.
/// </summary>
public class SentencePieceBpeTests
{
    private static readonly AssistantBuilder.Engine.Tokenization.HfTokenizer Tokenizer = Llama2();

    [Theory]
    // "▁hello▁world": ll, ell, hell, hello, ▁hello; ▁w, or, ▁wor, ld, ▁world
    [InlineData("hello world", new[] { SpHello, SpWorld })]
    // "▁▁▁hi": the leftmost "▁ ▁" merges first, then hi, then ▁hi
    [InlineData("  hi", new[] { SpSp, SpHi })]
    [InlineData("hi  ", new[] { SpHi, SpSp })]
    // '\n' is not in the vocab: byte fallback gives <0x0A>
    [InlineData("hi\nhi", new[] { SpHi, 3 + 0x0A, Hi })]
    // é = C3 A9 unknown: two byte tokens
    [InlineData("é", new[] { Space, 3 + 0xC3, 3 + 0xA9 })]
    [InlineData("中", new[] { Space, Zhong })]
    [InlineData("🙂", new[] { Space, 3 + 0xF0, 3 + 0x9F, 3 + 0x99, 3 + 0x82 })]
    [InlineData("", new int[0])]
    public void Encodes_like_hf(string text, int[] expected) =>
        Assert.Equal(expected, Tokenizer.Encode(text, addSpecialTokens: false));

    [Fact]
    public void Template_adds_bos_on_request()
    {
        Assert.Equal(new[] { Bos, SpHello, SpWorld }, Tokenizer.Encode("hello world"));
        Assert.Equal(new[] { SpHello, SpWorld }, Tokenizer.Encode("hello world", addSpecialTokens: false));
        Assert.Equal(new[] { Bos }, Tokenizer.Encode(""));
    }

    [Fact]
    public void Each_piece_between_added_tokens_gets_its_own_prefix()
    {
        // HF normalizes every piece separately, so "hi" after <s> is "▁hi" (the "legacy" Llama behaviour)
        Assert.Equal(new[] { Bos, SpHi }, Tokenizer.Encode("<s>hi", addSpecialTokens: false));
        Assert.Equal(new[] { ImStart, SpHi, ImEnd, Space, 3 + 0x0A }, Tokenizer.Encode("<|im_start|>hi<|im_end|>\n", addSpecialTokens: false));
    }

    [Theory]
    [InlineData(true, new[] { Space, H, Unk })]
    [InlineData(false, new[] { Space, H, Unk, Unk })]
    public void Without_byte_fallback_unknown_characters_become_unk(bool fuseUnk, int[] expected) =>
        Assert.Equal(expected, Llama2(byteFallback: false, fuseUnk: fuseUnk).Encode("hé€", addSpecialTokens: false));

    [Theory]
    [InlineData("hello world")]
    [InlineData("  two leading spaces")]
    [InlineData("trailing  ")]
    [InlineData("lines\n\nand\ttabs")]
    [InlineData("Ünïcödé café 中文 🙂👍🏽")]
    [InlineData("a")]
    public void Decode_of_encode_round_trips(string text)
    {
        Assert.Equal(text, Tokenizer.Decode(Tokenizer.Encode(text)));
        // HF's Metaspace loses leading spaces: "  x" becomes "▁▁x" (no prefix added) and the decoder drops every
        // "▁" of the first token. So only texts without them round-trip there.
        var metaspace = Metaspace("first", split: false);
        if (!text.StartsWith(' '))
            Assert.Equal(text, metaspace.Decode(metaspace.Encode(text)));
    }

    [Fact]
    public void Decode_keeps_special_tokens_when_asked() =>
        Assert.Equal("<s> hello world", Tokenizer.Decode([Bos, SpHello, SpWorld], skipSpecialTokens: false));

    [Fact]
    public void Byte_fallback_decoder_turns_invalid_bytes_into_replacement_characters() =>
        Assert.Equal("hi\uFFFD\uFFFD", Tokenizer.Decode([SpHi, 3 + 0xF0, 3 + 0x9F]));

    [Theory]
    [InlineData("first", true, new[] { SpHello, SpWorld })]
    [InlineData("always", false, new[] { SpHello, SpWorld })]
    // split: "▁hi" "▁" "▁hi"; whole word: ▁▁ forms first, then hi, ▁hi
    [InlineData("first", true, new[] { SpHi, Space, SpHi }, "hi  hi")]
    [InlineData("first", false, new[] { SpHi, SpSp, Hi }, "hi  hi")]
    [InlineData("never", true, new[] { Hello, SpWorld })]
    public void Metaspace_pre_tokenizer(string scheme, bool split, int[] expected, string text = "hello world") =>
        Assert.Equal(expected, Metaspace(scheme, split).Encode(text, addSpecialTokens: false));

    [Theory]
    // first: only the piece at the start of the input gets "▁"; after an added token it does not
    [InlineData("first", new[] { Bos, Hello })]
    [InlineData("always", new[] { Bos, SpHello })]
    public void Metaspace_prepend_scheme_after_an_added_token(string scheme, int[] expected) =>
        Assert.Equal(expected, Metaspace(scheme, split: true).Encode("<s>hello", addSpecialTokens: false));

    [Fact]
    public void Metaspace_decoder_drops_the_first_prefix_only() =>
        Assert.Equal("hello world", Metaspace("first", split: true).Decode([SpHello, SpWorld]));
}
