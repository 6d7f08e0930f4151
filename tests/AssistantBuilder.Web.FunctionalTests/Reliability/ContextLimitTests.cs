using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AssistantBuilder.Web.OpenAi;
using AssistantBuilder.Web.Widget;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>
/// Prompts longer than the model's context (the shipped default model: 256 tokens) through the OpenAI API, streaming
/// or not, and through the widget hub: a clear refusal that names the limit, and nothing stored, not even half
/// (every table's rows and every file as before). The playground's case is in the browser journey and PlaygroundSessionTests.
/// </summary>
public sealed class ContextLimitTests
{
    const string Site = "https://shop.example.com";
    // About 1,800 characters (under the widget's 2,000-character limit) and over 256 tokens.
    static readonly string TooLong = "Why is my bill so high? " + string.Join(' ', Enumerable.Repeat("router", 250));

    [Fact]
    public async Task A_prompt_longer_than_the_context_is_refused_naming_the_limit_and_nothing_is_stored()
    {
        using var app = new KestrelApp();
        var (_, key, name) = await DefaultModelAssistant.CreateAsync(app, Site, temperature: 0.7, topP: 0.9, maxTokens: 32);
        var bearer = await BearerClientAsync(app);
        await using var hub = WidgetConnection.Builder(app.BaseAddress, key, Site).Build();
        await hub.StartAsync();
        var conversation = (await hub.InvokeAsync<WidgetStart>("StartConversation", key)).ConversationId;
        var before = await SnapshotAsync(app);

        foreach (bool stream in new[] { false, true })
        {
            var response = await bearer.PostAsJsonAsync("/v1/chat/completions", new { model = name, stream, messages = new[] { new { role = "user", content = TooLong } } });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error");
            Assert.Equal(("context_length_exceeded", "messages"), (error.GetProperty("code").GetString(), error.GetProperty("param").GetString()));
            Assert.Matches(@"^the conversation is \d{3} tokens long; .+ takes at most 255 tokens of prompt", error.GetProperty("message").GetString());
        }

        var refused = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<string>("SendMessage", key, conversation, TooLong)) { }
        });
        Assert.Matches(@"The assistant cannot answer: the conversation is \d{3} tokens long; .+ takes at most 255 tokens of prompt", refused.Message);

        var after = await SnapshotAsync(app);
        Assert.True(after.DifferenceFrom(before).Length == 0, after.DifferenceFrom(before));

        // The conversation is not stuck on the refused message: a short one is answered and stored.
        await foreach (var _ in hub.StreamAsync<string>("SendMessage", key, conversation, "Why is my bill so high?")) { }
        var resumed = await hub.InvokeAsync<WidgetResume>("ResumeConversation", key, conversation);
        Assert.Equal(["user", "assistant"], resumed.Messages.Select(m => m.Role));
    }

    [Fact]
    public async Task A_widget_conversation_longer_than_the_context_goes_on_with_its_newest_turns()
    {
        using var app = new KestrelApp();
        var (_, key, _) = await DefaultModelAssistant.CreateAsync(app, Site, temperature: 0.7, topP: 0.9, maxTokens: 32);
        await using var hub = WidgetConnection.Builder(app.BaseAddress, key, Site).Build();
        await hub.StartAsync();
        var conversation = (await hub.InvokeAsync<WidgetStart>("StartConversation", key)).ConversationId;
        // About 60 tokens a question: the stored conversation passes the 256-token context after a few turns.
        string question = "Why is my bill so high this month? " + string.Join(' ', Enumerable.Repeat("router", 40));
        for (int turn = 0; turn < 8; turn++)
            await foreach (var _ in hub.StreamAsync<string>("SendMessage", key, conversation, $"{turn}: {question}")) { }

        var resumed = await hub.InvokeAsync<WidgetResume>("ResumeConversation", key, conversation);
        Assert.Equal(16, resumed.Messages.Count); // every turn answered and stored: none refused for the history's length
        Assert.All(resumed.Messages.Where(m => m.Role == "assistant"), m => Assert.False(string.IsNullOrWhiteSpace(m.Content)));
    }

    static async Task<StoreSnapshot> SnapshotAsync(KestrelApp app)
    {
        await using var db = app.CreateDb();
        return await StoreSnapshot.TakeAsync(db, app.DataDir);
    }

    static async Task<HttpClient> BearerClientAsync(KestrelApp app)
    {
        var client = await app.SignedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/api-keys", new { name = "context test" });
        response.EnsureSuccessStatusCode();
        var bearer = app.CreateLoopbackClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await response.Content.ReadFromJsonAsync<CreatedApiKey>())!.Key);
        return bearer;
    }
}
