using AssistantBuilder.Core.Training;
using AssistantBuilder.Web.Components.Datasets;
using MudBlazor.Services;

namespace AssistantBuilder.Web.UnitTests.Datasets;

/// <summary>The preview bubbles: one per turn, trained segments highlighted, markup shown as context, refusals explained.</summary>
public sealed class ConversationBubblesTests : BunitContext
{
    public ConversationBubblesTests()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    static LabelledConversation Labelled() => new(12, 30, 9,
    [
        new LabelledTurn("system", "Be brief.", [new LabelSegment("<|im_start|>system\nBe brief.<|im_end|>\n", false, 8)]),
        new LabelledTurn("user", "Hours?", [new LabelSegment("<|im_start|>user\nHours?<|im_end|>\n", false, 7)]),
        new LabelledTurn("assistant", "9 to 5.",
        [
            new LabelSegment("<|im_start|>assistant\n", false, 3),
            new LabelSegment("9 to 5.<|im_end|>", true, 9),
            new LabelSegment("\n", false, 1),
        ]),
    ], null);

    [Fact]
    public void Each_turn_is_a_bubble_and_only_the_trained_segments_are_highlighted()
    {
        var cut = Render<ConversationBubbles>(p => p.Add(c => c.Conversation, Labelled()));

        Assert.Equal(3, cut.FindAll(".bubble").Count);
        Assert.Single(cut.FindAll(".bubble-user"));
        Assert.Equal("Assistant", cut.Find(".bubble-assistant .bubble-role").TextContent);
        var trained = Assert.Single(cut.FindAll("mark.segment-trained"));
        Assert.Equal("9 to 5.<|im_end|>", trained.TextContent);
        Assert.Equal("trained: 9 tokens", trained.GetAttribute("title"));
        Assert.Equal(4, cut.FindAll("span.segment-context").Count);
        Assert.Contains("30 tokens · 9 trained (30%)", cut.Markup);
        Assert.Contains("Line 12", cut.Markup);
    }

    [Fact]
    public void A_conversation_training_would_refuse_says_why_and_highlights_nothing()
    {
        var refused = Labelled() with { Error = "System role not supported", Tokens = 0, TrainedTokens = 0 };
        var cut = Render<ConversationBubbles>(p => p.Add(c => c.Conversation, refused));

        Assert.Contains("Training would leave this conversation out with this model: System role not supported", cut.Find(".mud-alert").TextContent);
        Assert.DoesNotContain("tokens ·", cut.Markup);
    }
}
