using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AssistantBuilder.Web.FunctionalTests.OpenAi;

/// <summary>Over real sockets: a client that goes away mid-stream gives its serving slot back at once.</summary>
public sealed class DisconnectTests(KestrelOpenAiApp app) : IClassFixture<KestrelOpenAiApp>
{
    [Fact]
    public async Task Aborting_a_streamed_chat_completion_cancels_its_sequence_and_the_one_slot_serves_the_next_request()
    {
        string key = await app.KeyAsync();
        // No draining of an unread response on dispose: disposing it closes the connection, as a browser tab closing does.
        using var client = new HttpClient(new SocketsHttpHandler { MaxResponseDrainSize = 0 }) { BaseAddress = app.Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        var messages = new[] { new { role = "user", content = "Tell me everything." } };
        var warm = await client.PostAsJsonAsync("/v1/chat/completions", new { model = OpenAiApp.Model, max_tokens = 2, messages });
        Assert.Equal(HttpStatusCode.OK, warm.StatusCode);
        var engine = app.Engine;
        int cancelledBefore = engine.CancelledCount;

        // Greedy for up to 4000 tokens (the random model never ends a turn early): far longer than the abort takes.
        var request = new HttpRequestMessage(HttpMethod.Post, "/v1/chat/completions")
        {
            Content = JsonContent.Create(new { model = OpenAiApp.Model, stream = true, temperature = 0, max_tokens = 4000, messages }),
        };
        var response = await client.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using (var reader = new StreamReader(await response.Content.ReadAsStreamAsync()))
        {
            int pieces = 0;
            while (pieces < 3 && await reader.ReadLineAsync() is { } line)
                if (line.StartsWith("data: {", StringComparison.Ordinal)
                    && JsonDocument.Parse(line[6..]).RootElement.GetProperty("choices")[0].GetProperty("delta").TryGetProperty("content", out var c)
                    && c.GetString() is { Length: > 0 })
                    pieces++;
            Assert.Equal(3, pieces);
            Assert.Equal(1, engine.ActiveCount);
        }
        response.Dispose(); // the client goes away mid-stream

        var deadline = DateTime.UtcNow.AddSeconds(60);
        while ((engine.CancelledCount == cancelledBefore || engine.ActiveCount != 0) && DateTime.UtcNow < deadline) await Task.Delay(20);
        Assert.Equal(cancelledBefore + 1, engine.CancelledCount);
        Assert.Equal(0, engine.ActiveCount);

        // The one slot is free again: the next request gets it and finishes normally.
        var next = await client.PostAsJsonAsync("/v1/chat/completions", new { model = OpenAiApp.Model, temperature = 0, max_tokens = 5, messages });
        Assert.Equal(HttpStatusCode.OK, next.StatusCode);
        var body = await next.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(5, body.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal(cancelledBefore + 1, engine.CancelledCount);
        Assert.Equal(0, engine.ActiveCount + engine.WaitingCount);
    }
}
