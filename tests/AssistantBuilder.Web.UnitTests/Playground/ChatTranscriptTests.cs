using AssistantBuilder.Web.Components.Playground;
using AssistantBuilder.Web.Playground;
using AssistantBuilder.Web.UnitTests.Assistants;

namespace AssistantBuilder.Web.UnitTests.Playground;

/// <summary>The transcript shows model and user text as text (never as HTML) with each answer's statistics.</summary>
public sealed class ChatTranscriptTests : MudTestContext
{
    [Fact]
    public async Task Html_in_messages_is_shown_as_text_and_answers_show_their_stats()
    {
        var client = new ScriptedChatClient(["<script>alert(1)</script>", "<b>bold</b>"]);
        var session = new PlaygroundSession(client, new PlaygroundSettings());
        await session.SendAsync("<img src=x onerror=alert(2)>");

        var cut = Context.Render<ChatTranscript>(p => p.Add(t => t.Session, session));

        Assert.Empty(cut.FindAll(".message-text script"));
        Assert.Empty(cut.FindAll(".message-text img"));
        Assert.Empty(cut.FindAll(".message-text b"));
        var texts = cut.FindAll(".message-text").Select(e => e.TextContent).ToList();
        Assert.Equal(["<img src=x onerror=alert(2)>", "<script>alert(1)</script><b>bold</b>"], texts);
        Assert.Contains("3 tokens", cut.Find(".answer-stats").TextContent);
        Assert.Contains("tokens/s", cut.Find(".answer-stats").TextContent);
    }
}
