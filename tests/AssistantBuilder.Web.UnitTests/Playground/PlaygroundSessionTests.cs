using AssistantBuilder.Web.Playground;
using Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.UnitTests.Playground;

/// <summary>The playground's chat state: send, stop, regenerate, edit and resend, settings passed on, statistics.</summary>
public sealed class PlaygroundSessionTests
{
    static readonly PlaygroundSettings Settings = new() { Temperature = 0.2, TopP = 0.8, MaxTokens = 50, Seed = 42 };

    [Fact]
    public async Task Sending_streams_the_answer_with_stats_and_the_settings_and_stores_it()
    {
        var client = new ScriptedChatClient(["Hel", "lo", "!"]);
        int answered = 0, changes = 0;
        var session = new PlaygroundSession(client, Settings) { Answered = () => { answered++; return Task.CompletedTask; } };
        session.Changed += () => changes++;

        await session.SendAsync("  Hi  ");

        Assert.Equal(["user:Hi", "assistant:Hello!"], session.Messages.Select(m => $"{m.Role}:{m.Text}"));
        var stats = session.Messages[1].Stats!;
        Assert.Equal(4, stats.Tokens); // from the usage update, not the piece count
        Assert.NotNull(stats.TimeToFirstToken);
        Assert.False(session.Messages[1].Truncated);
        Assert.False(session.IsGenerating);
        Assert.Equal(1, answered);
        Assert.True(changes >= 4);
        var options = Assert.Single(client.Options)!;
        Assert.Equal((0.2f, 0.8f, 50, 42L), (options.Temperature, options.TopP, options.MaxOutputTokens, options.Seed));
    }

    [Fact]
    public async Task Stop_cancels_the_answer_keeps_what_came_and_marks_it_cut_short()
    {
        var client = new ScriptedChatClient(["Partial", " never"]) { HoldAfterFirstPiece = true };
        int answered = 0;
        var session = new PlaygroundSession(client, Settings) { Answered = () => { answered++; return Task.CompletedTask; } };

        var sending = session.SendAsync("Tell me a long story");
        await client.FirstPieceSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.True(session.IsGenerating);
        Assert.False(sending.IsCompleted);
        session.Stop();
        await sending.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(session.IsGenerating);
        var answer = session.Messages[^1];
        Assert.Equal("Partial", answer.Text);
        Assert.True(answer.Truncated);
        Assert.Equal(1, answer.Stats!.Tokens);
        Assert.Equal(1, answered);
    }

    [Fact]
    public async Task A_message_the_model_refuses_is_taken_back_not_stored_and_the_chat_goes_on_without_it()
    {
        var client = new ScriptedChatClient(["A1"], ["A2"]);
        int answered = 0;
        var session = new PlaygroundSession(client, Settings) { Answered = () => { answered++; return Task.CompletedTask; } };
        await session.SendAsync("Q1");

        client.Refuse = new AssistantBuilder.Core.Serving.ChatRequestException("the conversation is 300 tokens long; m takes at most 255 tokens of prompt");
        await session.SendAsync("a very long question");

        Assert.Equal("the conversation is 300 tokens long; m takes at most 255 tokens of prompt", session.Error);
        Assert.Equal("a very long question", session.Refused);
        Assert.Equal(["user:Q1", "assistant:A1"], session.Messages.Select(m => $"{m.Role}:{m.Text}"));
        Assert.Equal(1, answered); // the refused question was not stored

        await session.SendAsync("Q2");
        Assert.Null(session.Error);
        Assert.Null(session.Refused);
        Assert.Equal(["Q1", "A1", "Q2"], client.Calls[^1].Select(m => m.Text));
        Assert.Equal(2, answered);
    }

    [Fact]
    public async Task Regenerate_replaces_the_last_answer_asking_with_the_same_history()
    {
        var client = new ScriptedChatClient(["First"], ["Second"]);
        var session = new PlaygroundSession(client, Settings);
        await session.SendAsync("Question");
        await session.RegenerateAsync();

        Assert.Equal(["user:Question", "assistant:Second"], session.Messages.Select(m => $"{m.Role}:{m.Text}"));
        Assert.Equal(2, client.Calls.Count);
        Assert.Equal(["Question"], client.Calls[1].Select(m => m.Text));
    }

    [Fact]
    public async Task Edit_and_resend_replaces_the_message_and_drops_what_came_after()
    {
        var client = new ScriptedChatClient(["A1"], ["A2"], ["A1 again"]);
        var session = new PlaygroundSession(client, Settings);
        await session.SendAsync("Q1");
        await session.SendAsync("Q2");
        Assert.Equal(4, session.Messages.Count);
        Assert.Equal([ChatRole.User, ChatRole.Assistant, ChatRole.User], client.Calls[1].Select(m => m.Role));

        await session.EditAndResendAsync(0, "Q1 edited");

        Assert.Equal(["user:Q1 edited", "assistant:A1 again"], session.Messages.Select(m => $"{m.Role}:{m.Text}"));
        Assert.Equal(["Q1 edited"], client.Calls[2].Select(m => m.Text));

        await session.EditAndResendAsync(1, "not a user message");
        Assert.Equal(3, client.Calls.Count);
    }

    [Fact]
    public async Task Nothing_is_sent_while_an_answer_is_generating_or_for_blank_text()
    {
        var client = new ScriptedChatClient(["x"]) { HoldAfterFirstPiece = true };
        var session = new PlaygroundSession(client, Settings);
        await session.SendAsync("   ");
        Assert.Empty(session.Messages);

        var sending = session.SendAsync("one");
        await client.FirstPieceSent.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await session.SendAsync("two");
        await session.RegenerateAsync();
        Assert.Single(client.Calls);
        session.Stop();
        await sending.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, session.Messages.Count);
    }
}
