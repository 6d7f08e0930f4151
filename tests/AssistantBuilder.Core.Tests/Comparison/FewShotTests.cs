using AssistantBuilder.Core.Comparison;
using AssistantBuilder.Core.Datasets;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel;

namespace AssistantBuilder.Core.Tests.Comparison;

/// <summary>Few-shot selection from training conversations and the prompted baseline's chat history.</summary>
public sealed class FewShotTests
{
    static Conversation Conv(params (string Role, string Text)[] turns) => new(turns.Select(t => new ConversationTurn(t.Role, t.Text)).ToList(), 1);

    static readonly Conversation[] Training =
    [
        Conv(("system", "You are Nora."), ("user", "How much is Fiber 100?"), ("assistant", "Fiber 100 costs €29.99.")),
        Conv(("user", "When are you open?"), ("assistant", "8:00–20:00 on weekdays."), ("user", "And Fiber 500?"), ("assistant", "€39.99.")),
        Conv(("user", "How do I reset my router?"), ("assistant", "Which router do you have?")),
        Conv(("user", "how much is fiber 100?"), ("assistant", "Duplicate question, different case.")),
        Conv(("user", "How much is Fiber 100?"), ("assistant", "An exact duplicate user turn.")),
    ];

    [Fact]
    public void Examples_are_first_user_turns_with_their_answers_once_each()
    {
        var selector = FewShotSelector.FromConversations(Training);
        Assert.Equal(["How much is Fiber 100?", "When are you open?", "How do I reset my router?", "how much is fiber 100?"], selector.Examples.Select(e => e.User));
        Assert.Equal("Fiber 100 costs €29.99.", selector.Examples[0].Assistant);
        Assert.DoesNotContain(selector.Examples, e => e.User == "And Fiber 500?"); // a follow-up needs its context
    }

    [Fact]
    public void Select_picks_the_most_similar_first()
    {
        var selector = FewShotSelector.FromConversations(Training);
        var picked = selector.Select("what is the price of fiber 100", 2);
        Assert.Equal(2, picked.Count);
        Assert.All(picked, e => Assert.Contains("100", e.User));
        Assert.Equal("How do I reset my router?", selector.Select("router reset please", 3)[0].User);
        Assert.Empty(selector.Select("zzz", 3));
    }

    [Fact]
    public async Task Prompted_history_is_system_then_examples_closest_last_then_the_conversation()
    {
        var selector = FewShotSelector.FromConversations(Training);
        var baseline = new PromptedBaseline(new Kernel(), "You're Nora, <Brightwave>'s assistant.", selector, 2, m => 10 * m.Count, contextTokens: 1000, reserveTokens: 100);
        var prompt = await baseline.BuildAsync([new ChatMessage(ChatRole.System, "ignored: a system prompt is set"), new ChatMessage(ChatRole.User, "How do I reset my router")]);
        var h = prompt.History;
        Assert.Equal(["system", "user", "assistant", "user", "assistant", "user"], h.Select(m => m.Role.Label));
        Assert.Equal("You're Nora, <Brightwave>'s assistant.", h[0].Content); // rendered by the SK template, not HTML-encoded
        Assert.Equal("How do I reset my router?", h[3].Content);               // the most similar sits next to the question
        Assert.Equal("How do I reset my router", h[^1].Content);
        Assert.Equal(60, prompt.PromptTokens);
    }

    [Fact]
    public async Task Examples_are_dropped_least_similar_first_until_the_answer_fits()
    {
        var selector = FewShotSelector.FromConversations(Training);
        // 10 tokens a message: system + 2 examples + question = 60, + 40 reserved > 90, so one example goes (40 + 40 <= 90)
        var baseline = new PromptedBaseline(new Kernel(), null, selector, 2, m => 10 * m.Count, contextTokens: 90, reserveTokens: 40);
        var prompt = await baseline.BuildAsync([new ChatMessage(ChatRole.System, "Own system."), new ChatMessage(ChatRole.User, "How do I reset the router")]);
        var kept = Assert.Single(prompt.Examples);
        Assert.Equal("How do I reset my router?", kept.User);
        Assert.Equal("Own system.", prompt.History[0].Content); // no system prompt set: the conversation's own
        var none = await new PromptedBaseline(new Kernel(), null, selector, 2, m => 10 * m.Count, 30, 40).BuildAsync([new ChatMessage(ChatRole.User, "reset router")]);
        Assert.Empty(none.Examples);
    }
}
