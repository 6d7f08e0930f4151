using System.Text;
using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Tests.Tokenization;

public class LongTextTests
{
    [Fact]
    public void Ten_thousand_tokens_round_trip() // speed is measured in docs/benchmarks.md, not here
    {
        string text = LongText();
        foreach (HfTokenizer tokenizer in new[] { ByteLevelFixture.Qwen(), SentencePieceFixture.Llama2() })
        {
            IReadOnlyList<int> ids = tokenizer.Encode(text);
            Assert.True(ids.Count >= 10_000, $"only {ids.Count} tokens");
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
