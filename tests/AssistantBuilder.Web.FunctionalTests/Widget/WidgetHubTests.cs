using System.Net.Http.Json;
using AssistantBuilder.Testing;
using AssistantBuilder.Web.Serving;
using AssistantBuilder.Web.Widget;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantBuilder.Web.FunctionalTests.Widget;

/// <summary>The widget hub at /hubs/widget with the .NET SignalR client: streaming, stop, resume, ratings, key/origin checks, limits.</summary>
public sealed class WidgetHubTests(WidgetApp app) : IClassFixture<WidgetApp>
{
    static async Task<string> ReadAllAsync(IAsyncEnumerable<string> stream)
    {
        var text = new System.Text.StringBuilder();
        await foreach (var delta in stream) text.Append(delta);
        return text.ToString();
    }

    async Task<string> GreedyAnswerAsync(Guid assistantId, params ChatMessage[] history)
    {
        var served = await app.Services.GetRequiredService<AssistantChats>().FindAsync(assistantId);
        return (await served!.Client.GetResponseAsync(history)).Text;
    }

    [Fact]
    public async Task A_reply_streams_the_text_the_assistants_chat_client_gives_and_both_turns_are_stored()
    {
        var (assistant, key) = await app.AssistantAsync();
        await using var hub = await app.ConnectAsync(key);
        var start = await hub.InvokeAsync<WidgetStart>("StartConversation", key);
        Assert.Equal(("Ask the shop", "Hello there!", "#00796b"), (start.Title, start.Welcome, start.Colour));

        var deltas = new List<string>();
        await foreach (var delta in hub.StreamAsync<string>("SendMessage", key, start.ConversationId, "Do you ship abroad?")) deltas.Add(delta);
        string expected = await GreedyAnswerAsync(assistant.Id, new ChatMessage(ChatRole.User, "Do you ship abroad?"));
        Assert.NotEmpty(expected);
        Assert.Equal(expected, string.Concat(deltas));
        Assert.True(deltas.Count > 1, "the answer arrives in pieces, not in one message");

        // The second turn carries the stored history.
        string second = await ReadAllAsync(hub.StreamAsync<string>("SendMessage", key, start.ConversationId, "And to Norway?"));
        Assert.Equal(await GreedyAnswerAsync(assistant.Id, new(ChatRole.User, "Do you ship abroad?"), new(ChatRole.Assistant, expected),
            new(ChatRole.User, "And to Norway?")), second);

        await using var db = app.CreateDb();
        var conversation = await db.Conversations.Include(c => c.Messages).SingleAsync(c => c.Id == start.ConversationId);
        Assert.Equal(("widget", WidgetApp.Shop, assistant.Id), (conversation.Channel, conversation.Origin, conversation.AssistantId));
        Assert.Equal([(0, "user", "Do you ship abroad?"), (1, "assistant", expected), (2, "user", "And to Norway?"), (3, "assistant", second)],
            conversation.Messages.OrderBy(m => m.Index).Select(m => (m.Index, m.Role, m.Content)));
        Assert.All(conversation.Messages.Where(m => m.Role == "assistant"), m => Assert.True(m.Tokens > 0));
    }

    [Fact]
    public async Task Stopping_mid_stream_stores_the_partial_answer_as_truncated_and_the_conversation_goes_on()
    {
        var (_, key) = await app.AssistantAsync(maxTokens: 8192);
        await using var hub = await app.ConnectAsync(key);
        var start = await hub.InvokeAsync<WidgetStart>("StartConversation", key);

        using var stop = new CancellationTokenSource();
        var received = new System.Text.StringBuilder();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var delta in hub.StreamAsync<string>("SendMessage", key, start.ConversationId, "Tell me everything", stop.Token))
            {
                received.Append(delta);
                stop.Cancel();
            }
        });
        Assert.NotEqual(0, received.Length);

        var answer = await Eventually.ValueAsync(async () =>
        {
            await using var db = app.CreateDb();
            return await db.ConversationMessages.SingleOrDefaultAsync(m => m.ConversationId == start.ConversationId && m.Index == 1);
        }, "the stored value");
        Assert.True(answer.Truncated);
        Assert.StartsWith(received.ToString(), answer.Content);

        string next = await ReadAllAsync(hub.StreamAsync<string>("SendMessage", key, start.ConversationId, "Thanks"));
        Assert.NotEmpty(next);
        var resumed = await hub.InvokeAsync<WidgetResume>("ResumeConversation", key, start.ConversationId);
        Assert.Equal([0, 1, 2, 3], resumed.Messages.Select(m => m.Index));
        Assert.Equal("Thanks", resumed.Messages[2].Content);
    }

    [Fact]
    public async Task After_a_dropped_connection_a_new_one_resumes_the_stored_conversation()
    {
        var (_, key) = await app.AssistantAsync();
        Guid id;
        string answer;
        await using (var first = await app.ConnectAsync(key))
        {
            id = (await first.InvokeAsync<WidgetStart>("StartConversation", key)).ConversationId;
            answer = await ReadAllAsync(first.StreamAsync<string>("SendMessage", key, id, "Where is my order?"));
        }
        await using var second = await app.ConnectAsync(key);
        var resumed = await second.InvokeAsync<WidgetResume>("ResumeConversation", key, id);
        Assert.Equal((id, "Ask the shop", "Hello there!"), (resumed.ConversationId, resumed.Title, resumed.Welcome));
        Assert.Equal([("user", "Where is my order?"), ("assistant", answer)], resumed.Messages.Select(m => (m.Role, m.Content)));
        Assert.True(resumed.Messages[1].Truncated, "12 tokens at most: the answer was cut off, and the widget says so");

        var other = await app.AssistantAsync();
        var refused = await Assert.ThrowsAsync<HubException>(() => second.InvokeAsync<WidgetResume>("ResumeConversation", other.Key, id));
        Assert.Contains("does not exist", refused.Message);
    }

    [Fact]
    public async Task A_rating_with_a_comment_is_stored_and_only_answers_can_be_rated()
    {
        var (_, key) = await app.AssistantAsync();
        await using var hub = await app.ConnectAsync(key);
        var id = (await hub.InvokeAsync<WidgetStart>("StartConversation", key)).ConversationId;
        await ReadAllAsync(hub.StreamAsync<string>("SendMessage", key, id, "Hi"));

        await hub.InvokeAsync("Rate", key, id, 1, -1, "not what I asked");
        await hub.InvokeAsync("Rate", key, id, 1, 1, "actually fine");
        await using (var db = app.CreateDb())
        {
            var answer = await db.ConversationMessages.SingleAsync(m => m.ConversationId == id && m.Index == 1);
            Assert.Equal((1, "actually fine"), (answer.Rating, answer.Comment));
        }
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Rate", key, id, 0, 1, null));
        Assert.Contains("only the assistant's answers", refused.Message);
        refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync("Rate", key, id, 1, 5, null));
        Assert.Contains("+1", refused.Message);
    }

    [Fact]
    public async Task An_origin_not_on_the_list_or_no_origin_is_refused_with_a_clear_message()
    {
        var (_, key) = await app.AssistantAsync();
        await using var evil = await app.ConnectAsync(key, "https://evil.example.com");
        var refused = await Assert.ThrowsAsync<HubException>(() => evil.InvokeAsync<WidgetStart>("StartConversation", key));
        Assert.Contains("https://evil.example.com may not embed this assistant", refused.Message);

        await using var script = await app.ConnectAsync(key, origin: null);
        refused = await Assert.ThrowsAsync<HubException>(() => script.InvokeAsync<WidgetStart>("StartConversation", key));
        Assert.Contains("no Origin header", refused.Message);

        // Case and a default port do not matter: origins compare normalised.
        await using var shop = await app.ConnectAsync(key, "HTTPS://Shop.Example.com:443");
        Assert.NotEqual(Guid.Empty, (await shop.InvokeAsync<WidgetStart>("StartConversation", key)).ConversationId);
    }

    [Fact]
    public async Task An_unknown_or_revoked_key_is_refused()
    {
        var (assistant, key) = await app.AssistantAsync();
        await using var hub = await app.ConnectAsync(key);
        var refused = await Assert.ThrowsAsync<HubException>(() => hub.InvokeAsync<WidgetStart>("StartConversation", "wk_not-a-key"));
        Assert.Contains("Unknown widget key", refused.Message);

        var id = (await hub.InvokeAsync<WidgetStart>("StartConversation", key)).ConversationId;
        var keys = await (await app.OperatorAsync()).GetFromJsonAsync<List<WidgetKeyView>>($"/api/assistants/{assistant.Id}/widget-keys");
        var revoke = await (await app.OperatorAsync()).DeleteAsync($"/api/assistants/{assistant.Id}/widget-keys/{keys!.Single().Id}");
        revoke.EnsureSuccessStatusCode();

        var stream = hub.StreamAsync<string>("SendMessage", key, id, "still there?");
        refused = await Assert.ThrowsAsync<HubException>(() => ReadAllAsync(stream));
        Assert.Contains("revoked", refused.Message);
    }

    [Fact]
    public async Task Too_many_messages_for_a_key_get_a_clear_try_again_message_and_an_overlong_message_is_refused()
    {
        var (_, key) = await app.AssistantAsync(maxTokens: 2);
        await using var hub = await app.ConnectAsync(key);
        var id = (await hub.InvokeAsync<WidgetStart>("StartConversation", key)).ConversationId;

        var tooLong = await Assert.ThrowsAsync<HubException>(() => ReadAllAsync(hub.StreamAsync<string>("SendMessage", key, id, new string('x', 201))));
        Assert.Contains("201 characters long; the limit is 200", tooLong.Message);

        // Each in a new conversation: the tiny model's context holds only a few turns.
        for (int i = 1; i < WidgetApp.PerKey; i++)
        {
            var each = (await hub.InvokeAsync<WidgetStart>("StartConversation", key)).ConversationId;
            await ReadAllAsync(hub.StreamAsync<string>("SendMessage", key, each, $"message {i}"));
        }
        var limited = await Assert.ThrowsAsync<HubException>(() => ReadAllAsync(hub.StreamAsync<string>("SendMessage", key, id, "one more")));
        Assert.Matches(@"HubException: Too many messages: try again in \d+ s\.$", limited.Message);

        // Another key of the same assistant has its own allowance.
        await using var db = app.CreateDb();
        var assistantId = (await db.Conversations.SingleAsync(c => c.Id == id)).AssistantId;
        var otherKey = (await app.KeyAsync(assistantId, "other site")).Key;
        Assert.NotEmpty(await ReadAllAsync(hub.StreamAsync<string>("SendMessage", otherKey, (await hub.InvokeAsync<WidgetStart>("StartConversation", otherKey)).ConversationId, "hello")));
    }
}
