using System.Text;
using AssistantBuilder.Testing;
using AssistantBuilder.Web.Widget;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>
/// A widget connection dropped mid-answer (every TCP connection reset by a proxy between the client and Kestrel): the
/// .NET SignalR client reconnects by itself, as widget.js does, resumes the stored conversation with the partial
/// answer in it, and the conversation goes on.
/// </summary>
public sealed class WidgetReconnectTests
{
    const string Site = "https://shop.example.com";

    [Fact]
    public async Task A_connection_dropped_mid_answer_reconnects_and_the_conversation_goes_on_with_nothing_lost()
    {
        using var app = new KestrelApp();
        // Hot sampling keeps the default model from ending early: the answer is still streaming when the network drops.
        var (_, key, _) = await DefaultModelAssistant.CreateAsync(app, Site, temperature: 2.0, topP: 1.0, maxTokens: 100);
        await using var proxy = new LoopbackProxy(app.BaseAddress.Port);
        var reconnected = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var hub = WidgetConnection.Builder(proxy.Address, key, Site)
            .WithAutomaticReconnect([TimeSpan.Zero, TimeSpan.FromMilliseconds(200), TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(2)])
            .Build();
        hub.Reconnected += _ => { reconnected.TrySetResult(); return Task.CompletedTask; };
        await hub.StartAsync();
        var id = (await hub.InvokeAsync<WidgetStart>("StartConversation", key)).ConversationId;

        const string question = "Tell me about your broadband plans.";
        var shown = new StringBuilder();
        bool dropped = false;
        await Assert.ThrowsAnyAsync<Exception>(async () =>
        {
            await foreach (var delta in hub.StreamAsync<string>("SendMessage", key, id, question))
            {
                shown.Append(delta);
                if (!dropped) { dropped = true; proxy.DropAll(); } // the network goes away after the first words
            }
        });
        Assert.True(dropped && shown.Length > 0);

        await reconnected.Task.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.True(proxy.Accepted >= 2, "the client reconnected through a new connection");
        // The server stored the question and the answer as far as it had written it, marked cut off.
        var resumed = await Eventually.ValueAsync(async () =>
        {
            var r = await hub.InvokeAsync<WidgetResume>("ResumeConversation", key, id);
            return r.Messages.Count == 2 ? r : null;
        }, "the stored conversation");
        Assert.Equal([(0, "user", question), (1, "assistant", resumed.Messages[1].Content)], resumed.Messages.Select(m => (m.Index, m.Role, m.Content)));
        Assert.StartsWith(shown.ToString(), resumed.Messages[1].Content);
        Assert.True(resumed.Messages[1].Truncated);

        // The conversation goes on where it was, over the new connection.
        var next = new StringBuilder();
        await foreach (var delta in hub.StreamAsync<string>("SendMessage", key, id, "And the prices?")) next.Append(delta);
        resumed = await hub.InvokeAsync<WidgetResume>("ResumeConversation", key, id);
        Assert.Equal([0, 1, 2, 3], resumed.Messages.Select(m => m.Index));
        Assert.Equal(("And the prices?", next.ToString()), (resumed.Messages[2].Content, resumed.Messages[3].Content));
    }
}
