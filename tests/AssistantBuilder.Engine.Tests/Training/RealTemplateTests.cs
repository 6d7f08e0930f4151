using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Training;
using Xunit.Abstractions;
using static AssistantBuilder.Engine.Tests.Training.TrainingFixtures;

namespace AssistantBuilder.Engine.Tests.Training;

/// <summary>
/// Which real chat templates (Templates/goldens) can place labels on a two-reply conversation, with a byte-level
/// tokenizer that knows their special tokens. "mismatch" templates render a turn differently depending on what
/// follows it, or the tokenizer merges across a turn boundary; "no-eot" ones never end a reply with a token;
/// all are refused rather than trained on wrongly.
/// </summary>
public class RealTemplateTests(ITestOutputHelper output)
{
    private static readonly ChatMessage[] WithSystem =
    [
        SystemMessage("be brief"), User("hi there"), Assistant("hello world"), User("and again"), Assistant("hello again, world"),
    ];

    private static readonly ChatMessage[] WithoutSystem = WithSystem[1..];

    [Theory]
    // template file, end-of-turn tokens, outcome without a system message, outcome with one
    [InlineData("chatml-fallback.json", "<|im_end|>", "ok", "ok")]
    [InlineData("qwen2.5.json", "<|im_end|>", "ok", "ok")]
    [InlineData("smollm2.json", "<|im_end|>", "ok", "ok")]
    [InlineData("llama3.json", "<|eot_id|>", "ok", "ok")]
    [InlineData("llama3.1.json", "<|eot_id|>", "ok", "ok")]
    [InlineData("llama2.json", "</s>", "ok", "ok")]
    [InlineData("mistral-v0.1.json", "</s>", "ok", "ok")]
    [InlineData("mixtral-v0.1.json", "</s>", "ok", "rejected")]
    [InlineData("mistral-v0.3.json", "</s>", "ok", "mismatch")]
    [InlineData("mistral-v0.3-sota.json", "</s>", "ok", "ok")]
    [InlineData("gemma.json", "<end_of_turn>,<eos>", "ok", "rejected")]
    [InlineData("zephyr-gemma.json", "<|im_end|>,<eos>", "mismatch", "mismatch")]
    [InlineData("phi3.json", "<|end|>,<|endoftext|>", "mismatch", "mismatch")]
    [InlineData("phi3-128k.json", "<|end|>,<|endoftext|>", "ok", "ok")]
    [InlineData("tinyllama.json", "</s>", "ok", "ok")]
    [InlineData("openchat.json", "<|end_of_turn|>", "ok", "ok")]
    [InlineData("deepseek-coder.json", "<|EOT|>", "ok", "ok")]
    [InlineData("deepseek-coder-awq.json", "<|EOT|>", "mismatch", "mismatch")]
    [InlineData("falcon-rw-chat.json", "<|endoftext|>", "mismatch", "mismatch")]
    [InlineData("pivot-moe.json", "</s>", "no-eot", "no-eot")]
    [InlineData("llama-guard-2.json", "<|end_of_text|>,<|eot_id|>", "mismatch", "rejected")]
    public void Real_templates_either_label_the_replies_or_say_why_not(string file, string endOfTurn, string withoutSystem, string withSystem)
    {
        Assert.Equal(withoutSystem, Outcome(file, endOfTurn, WithoutSystem));
        Assert.Equal(withSystem, Outcome(file, endOfTurn, WithSystem));
    }

    private string Outcome(string file, string endOfTurn, ChatMessage[] messages)
    {
        var tokenizer = ByteLevel();
        var endIds = endOfTurn.Split(',').Select(token => tokenizer.TokenToId(token)).OfType<int>().ToArray();
        var builder = new ExampleBuilder(Golden(file), tokenizer, endIds);
        try
        {
            var example = builder.Build(messages, 0);
            var runs = TrainedRuns(example.Labels).Select(run => tokenizer.Decode(run, skipSpecialTokens: false)).ToList();
            Assert.Equal(2, runs.Count);
            Assert.Contains("hello world", runs[0], StringComparison.Ordinal);
            Assert.Contains("hello again, world", runs[1], StringComparison.Ordinal);
            return "ok";
        }
        catch (TemplateMismatchException e)
        {
            output.WriteLine($"{file}: {e.Message}");
            return "mismatch";
        }
        catch (ConversationRejectedException e)
        {
            output.WriteLine($"{file}: {e.Message}");
            return "rejected";
        }
        catch (MissingEndOfTurnException e)
        {
            output.WriteLine($"{file}: {e.Message}");
            return "no-eot";
        }
    }
}
