using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AssistantBuilder.Web.OpenAi;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.FunctionalTests.OpenAi;

/// <summary>/v1 on the wire: the SSE framing and [DONE], OpenAI's error shape and codes, keys, and stored conversations.</summary>
public sealed class RawApiTests(OpenAiApp app) : IClassFixture<OpenAiApp>
{
    static async Task<JsonElement> ErrorOf(HttpResponseMessage response)
    {
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var error = body.GetProperty("error");
        Assert.Equal(JsonValueKind.String, error.GetProperty("message").ValueKind);
        Assert.Equal(JsonValueKind.String, error.GetProperty("type").ValueKind);
        Assert.True(error.TryGetProperty("param", out _) && error.TryGetProperty("code", out _), body.ToString());
        return error;
    }

    [Fact]
    public async Task Streaming_sends_chunks_role_first_finish_reason_usage_and_done()
    {
        var client = await app.BearerClientAsync();
        var response = await client.PostAsJsonAsync("/v1/chat/completions", new
        {
            model = OpenAiApp.Model, stream = true, stream_options = new { include_usage = true }, temperature = 0, max_tokens = 12,
            messages = new object[] { new { role = "user", content = new[] { new { type = "text", text = "Hello " }, new { type = "text", text = "there" } } } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsStringAsync();
        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.All(events, e => Assert.StartsWith("data: ", e));
        Assert.Equal("data: [DONE]", events[^1]);
        var chunks = events[..^1].Select(e => JsonDocument.Parse(e["data: ".Length..]).RootElement).ToList();
        Assert.All(chunks, c => Assert.Equal("chat.completion.chunk", c.GetProperty("object").GetString()));
        Assert.Single(chunks.Select(c => c.GetProperty("id").GetString()).Distinct());
        Assert.Equal("assistant", chunks[0].GetProperty("choices")[0].GetProperty("delta").GetProperty("role").GetString());
        var finish = chunks[^2].GetProperty("choices")[0];
        Assert.Contains(finish.GetProperty("finish_reason").GetString(), new[] { "stop", "length" });
        Assert.All(chunks[..^2], c => Assert.Equal(JsonValueKind.Null, c.GetProperty("choices")[0].GetProperty("finish_reason").ValueKind));
        var usage = chunks[^1].GetProperty("usage");
        Assert.Equal(0, chunks[^1].GetProperty("choices").GetArrayLength());
        int completion = usage.GetProperty("completion_tokens").GetInt32();
        Assert.Equal(usage.GetProperty("prompt_tokens").GetInt32() + completion, usage.GetProperty("total_tokens").GetInt32());
        Assert.True(completion is > 0 and <= 12);
    }

    [Fact]
    public async Task Missing_wrong_and_revoked_keys_and_operator_cookies_get_401_invalid_api_key()
    {
        var body = new { model = OpenAiApp.Model, messages = new[] { new { role = "user", content = "hi" } } };
        var anonymous = app.CreateClient();
        var cookie = await app.SignedInClientAsync();
        var wrong = await app.BearerClientAsync("ab-wrong");
        var revokedKey = await app.NewKeyAsync("to revoke");
        var keys = await cookie.GetFromJsonAsync<List<ApiKeyView>>("/api/api-keys");
        var listed = Assert.Single(keys!, k => k.Name == "to revoke");
        Assert.Equal(revokedKey[..ApiKeyStore.PrefixLength], listed.Prefix);
        Assert.DoesNotContain(revokedKey, await cookie.GetStringAsync("/api/api-keys"));
        Assert.Equal(HttpStatusCode.OK, (await cookie.PostAsync($"/api/api-keys/{listed.Id}/revoke", null)).StatusCode);
        var revoked = await app.BearerClientAsync(revokedKey);

        foreach (var (client, needle) in new[] { (anonymous, "didn't provide"), (cookie, "didn't provide"), (wrong, "Incorrect API key"), (revoked, "revoked") })
        {
            foreach (var response in new[] { await client.PostAsJsonAsync("/v1/chat/completions", body), await client.GetAsync("/v1/models") })
            {
                Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
                var error = await ErrorOf(response);
                Assert.Equal("invalid_api_key", error.GetProperty("code").GetString());
                Assert.Equal("invalid_request_error", error.GetProperty("type").GetString());
                Assert.Contains(needle, error.GetProperty("message").GetString());
            }
        }
        Assert.Equal(HttpStatusCode.NotFound, (await cookie.PostAsync($"/api/api-keys/{Guid.NewGuid()}/revoke", null)).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await cookie.PostAsJsonAsync("/api/api-keys", new { name = " " })).StatusCode);
    }

    [Theory]
    [InlineData("""{"model":"no-such","messages":[{"role":"user","content":"hi"}]}""", 404, "model", "model_not_found")]
    [InlineData("""{"model":"tiny-bot","messages":[{"role":"user","content":"hi"}],"n":2}""", 400, "n", null)]
    [InlineData("""{"model":"tiny-bot","messages":[{"role":"user","content":"hi"}],"temperature":3}""", 400, "temperature", null)]
    [InlineData("""{"model":"tiny-bot","messages":[{"role":"user","content":"hi"}],"top_p":0}""", 400, "top_p", null)]
    [InlineData("""{"model":"tiny-bot","messages":[{"role":"user","content":"hi"}],"max_tokens":0}""", 400, "max_tokens", null)]
    [InlineData("""{"model":"tiny-bot","messages":[{"role":"user","content":"hi"}],"stop":["a","b","c","d","e"]}""", 400, "stop", null)]
    [InlineData("""{"model":"tiny-bot","messages":[{"role":"tool","content":"hi"}]}""", 400, "messages[0].role", null)]
    [InlineData("""{"model":"tiny-bot","messages":[{"role":"user","content":[{"type":"image_url","image_url":{"url":"x"}}]}]}""", 400, "messages[0].content[0]", null)]
    [InlineData("""{"model":"tiny-bot","messages":[]}""", 400, "messages", null)]
    [InlineData("""{"messages":[{"role":"user","content":"hi"}]}""", 400, "model", null)]
    [InlineData("""{"model":"tiny-bot","messages":[{"role":"user","content":"hi"}],"temperature":"hot"}""", 400, "temperature", null)]
    [InlineData("""{"model":"tiny-bot","messages":[{"role":"assistant","content":"hi"}]}""", 400, null, null)]
    public async Task Bad_requests_get_the_openai_error_shape_naming_the_parameter(string json, int status, string? param, string? code)
    {
        var client = await app.BearerClientAsync();
        var response = await client.PostAsync("/v1/chat/completions", new StringContent(json, new MediaTypeHeaderValue("application/json")));
        Assert.Equal(status, (int)response.StatusCode);
        var error = await ErrorOf(response);
        Assert.Equal(param, error.GetProperty("param").GetString());
        Assert.Equal(code, error.GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_conversation_longer_than_the_context_gets_400_context_length_exceeded_streaming_or_not()
    {
        var client = await app.BearerClientAsync();
        foreach (bool stream in new[] { false, true })
        {
            var response = await client.PostAsJsonAsync("/v1/chat/completions", new
            {
                model = OpenAiApp.Model, stream, messages = new[] { new { role = "user", content = string.Join(' ', Enumerable.Repeat("word", 400)) } },
            });
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = await ErrorOf(response);
            Assert.Equal("context_length_exceeded", error.GetProperty("code").GetString());
            Assert.Contains("tokens long", error.GetProperty("message").GetString());
        }
    }

    [Fact]
    public async Task Each_exchange_is_stored_as_an_api_conversation_with_token_counts()
    {
        var client = await app.BearerClientAsync();
        string marker = $"Marker question {Guid.NewGuid():N}";
        var response = await client.PostAsJsonAsync("/v1/chat/completions", new
        {
            model = OpenAiApp.Model, temperature = 0, max_tokens = 6, messages = new[] { new { role = "system", content = "Be kind." }, new { role = "user", content = marker } },
        });
        var completion = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("chat.completion", completion.GetProperty("object").GetString());
        string answer = completion.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;

        await using var db = app.CreateDb();
        var stored = await db.Conversations.Include(c => c.Messages)
            .Where(c => c.Channel == "api" && c.Messages.Any(m => m.Content == marker)).SingleAsync();
        Assert.Equal(await app.AssistantIdAsync(), stored.AssistantId);
        var messages = stored.Messages.OrderBy(m => m.Index).ToList();
        Assert.Equal(["system", "user", "assistant"], messages.Select(m => m.Role));
        Assert.Equal(answer, messages[2].Content);
        Assert.Equal(completion.GetProperty("usage").GetProperty("completion_tokens").GetInt32(), messages[2].Tokens);
        Assert.Equal(completion.GetProperty("choices")[0].GetProperty("finish_reason").GetString() == "length", messages[2].Truncated);
    }

    [Fact]
    public async Task A_streamed_exchange_ends_with_DONE_and_is_stored_by_the_end_of_the_response_body()
    {
        var client = await app.BearerClientAsync();
        string marker = $"Streamed marker {Guid.NewGuid():N}";
        var response = await client.PostAsJsonAsync("/v1/chat/completions", new
        {
            model = OpenAiApp.Model, stream = true, stream_options = new { include_usage = true }, temperature = 0, max_tokens = 5,
            ignore_eos = true, messages = new[] { new { role = "user", content = marker } },
        });
        var events = (await response.Content.ReadAsStringAsync()).Split('\n')
            .Where(l => l.StartsWith("data: ", StringComparison.Ordinal)).Select(l => l[6..]).ToList();
        Assert.Equal("[DONE]", events[^1]);
        var chunks = events.SkipLast(1).Select(e => JsonDocument.Parse(e).RootElement).ToList();
        string answer = string.Concat(chunks.Where(c => c.GetProperty("choices").GetArrayLength() > 0)
            .Select(c => c.GetProperty("choices")[0].GetProperty("delta")).Where(d => d.TryGetProperty("content", out _))
            .Select(d => d.GetProperty("content").GetString()));
        Assert.Equal(5, chunks[^1].GetProperty("usage").GetProperty("completion_tokens").GetInt32());

        await using var db = app.CreateDb();
        var stored = await db.Conversations.Include(c => c.Messages)
            .Where(c => c.Channel == "api" && c.Messages.Any(m => m.Content == marker)).SingleAsync();
        var reply = stored.Messages.OrderBy(m => m.Index).Last();
        Assert.Equal(("assistant", answer, 5, true), (reply.Role, reply.Content, reply.Tokens, reply.Truncated));
    }

    [Fact]
    public async Task Ignore_eos_runs_every_answer_to_max_tokens_continuing_the_normal_answer()
    {
        var client = await app.BearerClientAsync();
        var messages = new[] { new { role = "user", content = "Say something." } };
        async Task<JsonElement> Ask(object body)
        {
            var response = await client.PostAsJsonAsync("/v1/chat/completions", body);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return await response.Content.ReadFromJsonAsync<JsonElement>();
        }
        var normal = await Ask(new { model = OpenAiApp.Model, temperature = 0, max_tokens = 40, messages });
        var fixedLength = await Ask(new { model = OpenAiApp.Model, temperature = 0, max_tokens = 40, ignore_eos = true, messages });
        Assert.Equal(40, fixedLength.GetProperty("usage").GetProperty("completion_tokens").GetInt32());
        Assert.Equal("length", fixedLength.GetProperty("choices")[0].GetProperty("finish_reason").GetString());
        string Text(JsonElement c) => c.GetProperty("choices")[0].GetProperty("message").GetProperty("content").GetString()!;
        Assert.StartsWith(Text(normal), Text(fixedLength));
        var bad = await client.PostAsJsonAsync("/v1/chat/completions", new { model = OpenAiApp.Model, ignore_eos = "yes", messages });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal("ignore_eos", (await ErrorOf(bad)).GetProperty("param").GetString());
    }
}
