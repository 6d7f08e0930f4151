using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Tests.Tokenization;

public class StreamingDecoderTests
{
    [Fact]
    public void Byte_level_emoji_is_held_until_its_last_byte()
    {
        HfTokenizer tokenizer = ByteLevelFixture.Qwen();
        IReadOnlyList<int> ids = tokenizer.Encode("hi🙂!");
        Assert.Equal(new[] { ByteLevelFixture.Hi, 0xF0, 0x9F, 0x99, 0x82, 33 }, ids);

        StreamingDecoder stream = tokenizer.CreateStreamingDecoder();
        string[] pieces = ids.Select(stream.Push).ToArray();
        Assert.Equal(new[] { "hi", "", "", "", "🙂", "!" }, pieces);
        Assert.Equal("", stream.Flush());
        Assert.Equal(tokenizer.Decode(ids), string.Concat(pieces));
    }

    [Fact]
    public void Byte_fallback_emoji_is_held_and_prefix_space_handled()
    {
        HfTokenizer tokenizer = SentencePieceFixture.Llama2();
        IReadOnlyList<int> ids = tokenizer.Encode("hi 🙂 hello world");
        StreamingDecoder stream = tokenizer.CreateStreamingDecoder();
        var pieces = new List<string>();
        foreach (int id in ids)
        {
            string piece = stream.Push(id);
            Assert.DoesNotContain('\uFFFD', piece);
            pieces.Add(piece);
        }
        pieces.Add(stream.Flush());
        Assert.Equal("hi 🙂 hello world", string.Concat(pieces));
        Assert.Equal(tokenizer.Decode(ids), string.Concat(pieces));
        Assert.Equal(new[] { "", "hi", " ", "", "", "", "🙂" }, pieces.Take(7)); // <s>, ▁hi, ▁, then 4 bytes
    }

    [Fact]
    public void Special_tokens_are_skipped_or_kept()
    {
        HfTokenizer tokenizer = ByteLevelFixture.Qwen();
        int[] ids = [ByteLevelFixture.ImStart, ByteLevelFixture.Hi, ByteLevelFixture.ImEnd];
        Assert.Equal("hi", Stream(tokenizer.CreateStreamingDecoder(), ids));
        Assert.Equal("<|im_start|>hi<|im_end|>", Stream(tokenizer.CreateStreamingDecoder(skipSpecialTokens: false), ids));
    }

    [Fact]
    public void Flush_returns_an_incomplete_character_as_replacement()
    {
        StreamingDecoder stream = ByteLevelFixture.Qwen().CreateStreamingDecoder();
        Assert.Equal("hi", stream.Push(ByteLevelFixture.Hi));
        Assert.Equal("", stream.Push(0xF0));
        Assert.Equal("\uFFFD", stream.Flush());
    }

    [Theory]
    [InlineData("The quick brown fox 🦊 jumps over the lazy dog. 中文字符, naïve café!\n\nEnd.")]
    [InlineData("  spaces   everywhere  ")]
    public void Concatenated_stream_equals_decode(string text)
    {
        foreach (HfTokenizer tokenizer in new[] { ByteLevelFixture.Qwen(), SentencePieceFixture.Llama2(), SentencePieceFixture.Metaspace("first", true) })
        {
            IReadOnlyList<int> ids = tokenizer.Encode(text);
            Assert.Equal(tokenizer.Decode(ids), Stream(tokenizer.CreateStreamingDecoder(), ids));
        }
    }

    private static string Stream(StreamingDecoder stream, IEnumerable<int> ids) =>
        string.Concat(ids.Select(stream.Push)) + stream.Flush();
}
