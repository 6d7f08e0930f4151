using System.Diagnostics;
using System.Text;
using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Tests.Tokenization;

public class PerformanceTests
{
    [Fact]
    public void Ten_thousand_tokens_encode_well_under_a_second()
    {
        string text = LongText();
        foreach (HfTokenizer tokenizer in new[] { ByteLevelFixture.Qwen(), SentencePieceFixture.Llama2() })
        {
            tokenizer.Encode("warm up the regex <|im_start|>");
            var watch = Stopwatch.StartNew();
            IReadOnlyList<int> ids = tokenizer.Encode(text);
            watch.Stop();
            Assert.True(ids.Count >= 10_000, $"only {ids.Count} tokens");
            Assert.True(watch.ElapsedMilliseconds < 500, $"{ids.Count} tokens took {watch.ElapsedMilliseconds} ms");
            Assert.Equal(text, tokenizer.Decode(ids));
        }
    }

    private static string LongText()
    {
        var random = new Random(7);
        string[] words = ["hello", "world", "the", "hi", "tokenizer", "naïve", "中文", "🙂", "12345", "it's", "\n", "  ", "code();"];
        var builder = new StringBuilder();
        while (builder.Length < 16_000)
            builder.Append(words[random.Next(words.Length)]).Append(' ');
        return builder.ToString();
    }
}
