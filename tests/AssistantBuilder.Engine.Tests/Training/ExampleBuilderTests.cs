using AssistantBuilder.Engine.Chat;
using AssistantBuilder.Engine.Templates;
using AssistantBuilder.Engine.Tests.Support;
using AssistantBuilder.Testing;
using AssistantBuilder.Engine.Tokenization;
using AssistantBuilder.Engine.Training;
using static AssistantBuilder.Engine.Tests.Training.TrainingFixtures;

namespace AssistantBuilder.Engine.Tests.Training;

public class ExampleBuilderTests
{
    private static readonly ChatMessage[] MultiTurn =
    [
        SystemMessage("be brief"), User("hi there"), Assistant("hello world"), User("and again"), Assistant("hello again, world"),
    ];

    private static readonly bool[] TrainBoth = [false, false, true, false, true];

    [Fact]
    public void ChatMl_labels_are_the_assistant_tokens_through_im_end()
    {
        var tokenizer = Tiny();
        var builder = new ExampleBuilder(TinyChatMl(), tokenizer, [TinyTokenizer.ImEnd]);
        ChatMessage[] messages = [User("hi"), Assistant("hello")];

        var example = builder.Build(messages, [false, true], sourceIndex: 7);

        string full = TinyChatMl().Render(messages, addGenerationPrompt: false);
        var ids = tokenizer.Encode(full, addSpecialTokens: false);
        var prompt = tokenizer.Encode("<|im_start|>user\nhi<|im_end|>\n<|im_start|>assistant\n", addSpecialTokens: false);
        var reply = tokenizer.Encode("hello<|im_end|>", addSpecialTokens: false);
        int[] expected = [.. prompt.Select(_ => -100), .. reply, -100]; // the trailing "\n" is not trained
        Assert.Equal(ids, example.InputIds);
        Assert.Equal(expected, example.Labels);
        Assert.Equal(reply.Count, example.TrainedTokens);
        Assert.Equal(7, example.SourceIndex);
    }

    [Fact]
    public void ChatMl_multi_turn_with_system_message_trains_each_reply()
    {
        var tokenizer = Tiny();
        var example = new ExampleBuilder(TinyChatMl(), tokenizer, [TinyTokenizer.ImEnd]).Build(MultiTurn, TrainBoth, 0);

        AssertRunsDecodeTo(tokenizer, example, "hello world<|im_end|>", "hello again, world<|im_end|>");
    }

    [Fact]
    public void A_turn_of_weight_zero_is_not_trained()
    {
        var tokenizer = Tiny();
        var builder = new ExampleBuilder(TinyChatMl(), tokenizer, [TinyTokenizer.ImEnd]);

        var both = builder.Build(MultiTurn, TrainBoth, 0);
        var lastOnly = builder.Build(MultiTurn, [false, false, false, false, true], 0);

        AssertRunsDecodeTo(tokenizer, lastOnly, "hello again, world<|im_end|>");
        Assert.Equal(both.InputIds, lastOnly.InputIds);
        int firstReply = tokenizer.Encode("hello world<|im_end|>", addSpecialTokens: false).Count;
        Assert.Equal(both.TrainedTokens - firstReply, lastOnly.TrainedTokens);
    }

    [Fact]
    public void Build_without_flags_trains_every_assistant_turn()
    {
        var builder = new ExampleBuilder(TinyChatMl(), Tiny(), [TinyTokenizer.ImEnd]);

        var flagged = builder.Build(MultiTurn, TrainBoth, 3);
        var all = builder.Build(MultiTurn, 3);

        Assert.Equal(flagged.InputIds, all.InputIds);
        Assert.Equal(flagged.Labels, all.Labels);
        Assert.Equal((flagged.TrainedTokens, 3), (all.TrainedTokens, all.SourceIndex));
    }

    [Theory]
    // Llama 3.1 adds a fixed "Today Date" header; Mistral renders " " + reply + "</s>", which the SentencePiece
    // decoder's Strip turns back into the reply; Llama 2 renders " " + reply + " </s>": that space is trained too.
    [InlineData("llama3.json", "byte-level", "<|eot_id|>", "<|eot_id|>")]
    [InlineData("llama3.1.json", "byte-level", "<|eot_id|>", "<|eot_id|>")]
    [InlineData("mistral-v0.1.json", "sentencepiece", "</s>", "</s>")]
    [InlineData("llama2.json", "sentencepiece", "</s>", " </s>")]
    public void Real_templates_train_each_reply_through_its_end_of_turn_token(string file, string tokenizerKind, string endOfTurn, string decodedEnd)
    {
        var tokenizer = tokenizerKind == "byte-level" ? ByteLevel() : SentencePiece();
        var template = Golden(file);
        var builder = new ExampleBuilder(template, tokenizer, [tokenizer.Id(endOfTurn)]);

        var example = builder.Build(MultiTurn, TrainBoth, 0);

        Assert.Equal(tokenizer.Id(template.BosToken!), example.InputIds[0]);
        AssertRunsDecodeTo(tokenizer, example, "hello world" + decodedEnd, "hello again, world" + decodedEnd);
    }

    [Fact]
    public void Only_the_first_end_of_turn_token_of_a_turn_is_trained()
    {
        // Phi-3-128k style: "<|end|>" closes the turn and eos follows only at the very end.
        var template = new ChatTemplate(
            "{% for m in messages %}{% if m.role == 'user' %}{{ '<|user|>\n' + m.content + '<|end|>\n<|assistant|>\n' }}" +
            "{% else %}{{ m.content + '<|end|>\n' }}{% endif %}{% if loop.last and m.role == 'assistant' %}{{ eos_token }}{% endif %}{% endfor %}",
            bosToken: "<s>", eosToken: "<|endoftext|>", name: "end-then-eos");
        var tokenizer = ByteLevel();
        var builder = new ExampleBuilder(template, tokenizer, [tokenizer.Id("<|endoftext|>"), tokenizer.Id("<|end|>")]);

        var example = builder.Build([User("hi"), Assistant("hello")], [false, true], 0);

        AssertRunsDecodeTo(tokenizer, example, "hello<|end|>");
        Assert.Equal(new[] { tokenizer.Id("<|end|>"), '\n', tokenizer.Id("<|endoftext|>") }, example.InputIds[^3..]);
        Assert.Equal(new[] { -100, -100 }, example.Labels[^2..]);
    }

    [Fact]
    public void A_template_that_renders_a_turn_differently_when_it_is_last_is_a_mismatch()
    {
        // Like templates that drop the reasoning of earlier replies: only the last reply is rendered in full.
        var template = new ChatTemplate(
            "{% for m in messages %}{{ '<|im_start|>' + m.role + '\n' }}" +
            "{% if m.role == 'assistant' and not loop.last %}{{ '[earlier reply]' }}{% else %}{{ m.content }}{% endif %}" +
            "{{ '<|im_end|>\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\n' }}{% endif %}",
            bosToken: null, eosToken: "<|im_end|>", name: "last-turn-only");
        var builder = new ExampleBuilder(template, Tiny(), [TinyTokenizer.ImEnd]);

        var error = Assert.Throws<TemplateMismatchException>(() => builder.Build(MultiTurn, TrainBoth, 0));

        Assert.Equal(("last-turn-only", 2), (error.TemplateName, error.Turn));
        Assert.Contains("'last-turn-only'", error.Message, StringComparison.Ordinal);
        Assert.Contains("turn 2", error.Message, StringComparison.Ordinal);
        Assert.Contains("hello world", error.Message, StringComparison.Ordinal);
        Assert.Contains("[earlier reply]", error.Message, StringComparison.Ordinal);

        // Training only on the last reply needs no earlier turn to be located: that works.
        var lastOnly = builder.Build(MultiTurn, [false, false, false, false, true], 0);
        AssertRunsDecodeTo(Tiny(), lastOnly, "hello again, world<|im_end|>");
    }

    [Fact]
    public void A_template_whose_prefix_changes_with_what_follows_is_a_mismatch()
    {
        // Mistral v0.3 puts the system message into the last user turn: the prompt before a reply differs from the whole.
        var tokenizer = SentencePiece();
        var builder = new ExampleBuilder(Golden("mistral-v0.3.json"), tokenizer, [tokenizer.Id("</s>")]);

        var error = Assert.Throws<TemplateMismatchException>(() => builder.Build(MultiTurn, TrainBoth, 0));

        Assert.Equal(("chat_template", 2), (error.TemplateName, error.Turn));
        Assert.Contains("before it, with the generation prompt", error.Message, StringComparison.Ordinal);
        Assert.Contains("be brief", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    // A generation prompt ending in a space: " " alone, but " hello" is one token in the whole conversation.
    [InlineData("byte-level")]
    [InlineData("sentencepiece")]
    public void Tokens_merged_across_the_turn_boundary_are_a_mismatch(string tokenizerKind)
    {
        var tokenizer = tokenizerKind == "byte-level" ? ByteLevel() : SentencePiece();
        var template = new ChatTemplate(
            "{% for m in messages %}{% if m.role == 'user' %}{{ 'User: ' + m.content + '\n' }}{% else %}{{ 'Assistant: ' + m.content + eos_token + '\n' }}{% endif %}{% endfor %}" +
            "{% if add_generation_prompt %}{{ 'Assistant: ' }}{% endif %}",
            bosToken: null, eosToken: "</s>", name: "space-prompt");
        var builder = new ExampleBuilder(template, tokenizer, [tokenizer.Id("</s>")]);

        var error = Assert.Throws<TemplateMismatchException>(() => builder.Build([User("hi"), Assistant("hello")], [false, true], 0));

        Assert.Equal(("space-prompt", 1), (error.TemplateName, error.Turn));
        Assert.Contains("tokens are not a prefix", error.Message, StringComparison.Ordinal);
        Assert.Contains("hello", error.Message, StringComparison.Ordinal); // the merged token is shown
    }

    [Fact]
    public void A_reply_starting_with_a_newline_that_merges_with_the_prompt_is_a_mismatch()
    {
        // "assistant\n" ends in "\n", and the fixture merges "\n\n" into one token.
        var tokenizer = ByteLevel();
        var builder = new ExampleBuilder(TinyChatMl(), tokenizer, [tokenizer.Id("<|im_end|>")]);

        var error = Assert.Throws<TemplateMismatchException>(() => builder.Build([User("hi"), Assistant("\nhello")], [false, true], 0));

        Assert.Equal(1, error.Turn);
        Assert.Contains("ĊĊ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_turn_without_an_end_of_turn_token_is_refused()
    {
        var template = new ChatTemplate(
            "{% for m in messages %}{{ m.role + ': ' + m.content + '\n' }}{% endfor %}{% if add_generation_prompt %}{{ 'assistant:' }}{% endif %}",
            bosToken: null, eosToken: "<|im_end|>", name: "no-eos");
        var builder = new ExampleBuilder(template, Tiny(), [TinyTokenizer.ImEnd]);

        var error = Assert.Throws<MissingEndOfTurnException>(() => builder.Build([User("hi"), Assistant("hello")], [false, true], 0));

        Assert.Equal(("no-eos", 1), (error.TemplateName, error.Turn));
        Assert.Contains("never learn to stop", error.Message, StringComparison.Ordinal);
        Assert.Contains("\" hello\\n\"", error.Message, StringComparison.Ordinal);
        Assert.Contains("<|im_end|>", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Wrong_end_of_turn_ids_are_refused_too()
    {
        var builder = new ExampleBuilder(TinyChatMl(), Tiny(), [TinyTokenizer.EndOfText]);

        Assert.Throws<MissingEndOfTurnException>(() => builder.Build([User("hi"), Assistant("hello")], [false, true], 0));
    }

    [Fact]
    public void A_conversation_the_template_raises_on_is_rejected_with_its_message()
    {
        var builder = new ExampleBuilder(Golden("gemma.json"), ByteLevel(), [ByteLevel().Id("<end_of_turn>")]);

        var error = Assert.Throws<ConversationRejectedException>(() => builder.Build(MultiTurn, TrainBoth, 0));

        Assert.Equal("System role not supported", error.Message);
        Assert.IsType<TemplateRaisedException>(error.InnerException);
    }

    [Fact]
    public void Gemma_without_a_system_message_trains_through_end_of_turn()
    {
        var tokenizer = ByteLevel();
        var builder = new ExampleBuilder(Golden("gemma.json"), tokenizer, [tokenizer.Id("<end_of_turn>"), tokenizer.Id("<eos>")]);

        var example = builder.Build(MultiTurn[1..], TrainBoth[1..], 0);

        AssertRunsDecodeTo(tokenizer, example, "hello world<end_of_turn>", "hello again, world<end_of_turn>");
    }

    [Fact]
    public void A_conversation_over_the_maximum_length_is_refused()
    {
        var tokenizer = Tiny();
        ChatMessage[] messages = [User("hi"), Assistant("hello")];
        int tokens = tokenizer.Encode(TinyChatMl().Render(messages, false), addSpecialTokens: false).Count;

        var error = Assert.Throws<ExampleTooLongException>(
            () => new ExampleBuilder(TinyChatMl(), tokenizer, [TinyTokenizer.ImEnd], maxSeqLen: tokens - 1).Build(messages, 0));

        Assert.Equal((tokens, tokens - 1), (error.Tokens, error.Max));
        Assert.Equal(tokens, new ExampleBuilder(TinyChatMl(), tokenizer, [TinyTokenizer.ImEnd], maxSeqLen: tokens).Build(messages, 0).Length);
    }

    [Fact]
    public void Flags_must_match_the_messages_and_mark_only_assistant_turns()
    {
        var builder = new ExampleBuilder(TinyChatMl(), Tiny(), [TinyTokenizer.ImEnd]);
        ChatMessage[] messages = [User("hi"), Assistant("hello")];

        Assert.Throws<ArgumentException>(() => builder.Build(messages, [true, true], 0));
        Assert.Throws<ArgumentException>(() => builder.Build(messages, [true], 0));
        Assert.Throws<ArgumentException>(() => new ExampleBuilder(TinyChatMl(), Tiny(), []));
    }

    [Fact]
    public void A_conversation_without_trained_turns_has_no_trained_tokens()
    {
        var example = new ExampleBuilder(TinyChatMl(), Tiny(), [TinyTokenizer.ImEnd]).Build([User("hi"), Assistant("hello")], [false, false], 0);

        Assert.Equal(0, example.TrainedTokens);
        Assert.All(example.Labels, label => Assert.Equal(-100, label));
    }

    internal static void AssertRunsDecodeTo(HfTokenizer tokenizer, TrainingExample example, params string[] expected)
    {
        Assert.Equal(example.InputIds.Length, example.Labels.Length);
        for (int t = 0; t < example.Labels.Length; t++)
        {
            if (example.Labels[t] != -100)
                Assert.Equal(example.InputIds[t], example.Labels[t]);
        }
        var runs = TrainedRuns(example.Labels);
        Assert.Equal(expected, runs.Select(run => tokenizer.Decode(run, skipSpecialTokens: false)));
        Assert.Equal(example.TrainedTokens, runs.Sum(run => run.Length));
    }
}
