using System.Net.Http.Headers;
using System.Net.Http.Json;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Testing;
using AssistantBuilder.Web.Assistants;
using AssistantBuilder.Data;
using AssistantBuilder.Web.OpenAi;
using AssistantBuilder.Web.Serving;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantBuilder.Web.FunctionalTests.OpenAi;

/// <summary>
/// The app with a tiny random Llama registered, one assistant on it ("tiny-bot", created through the API) and one
/// API key (created through the API), for clients of the OpenAI-compatible API.
/// </summary>
public class OpenAiApp : WebAppFactory
{
    public const string Model = "tiny-bot";
    public const string SystemPrompt = "You answer briefly.";
    readonly TinyModel _tiny;
    readonly Lazy<Task<(Guid Assistant, string Key)>> _seed;

    public OpenAiApp() : this(null) { }

    /// <summary>With another tiny model configuration (e.g. a longer context).</summary>
    protected OpenAiApp(ModelConfig? config)
    {
        _tiny = TinyModel.Create(config, scale: 0.5f);
        _seed = new(SeedAsync);
    }

    async Task<(Guid, string)> SeedAsync()
    {
        await using (var db = CreateDb())
        {
            db.BaseModels.Add(new BaseModel { Name = "tiny", Path = _tiny.Directory, Source = ModelSource.Pulled, Architecture = "LlamaForCausalLM" });
            await db.SaveChangesAsync();
        }
        var client = await SignedInClientAsync();
        Guid modelId;
        await using (var db = CreateDb()) modelId = db.BaseModels.Single(m => m.Name == "tiny").Id;
        var created = await client.PostAsJsonAsync("/api/assistants", new
        {
            name = Model, baseModelId = modelId, systemPrompt = SystemPrompt,
            generation = new { temperature = 0.7, topP = 0.9, maxTokens = 32, repetitionPenalty = 1.0 },
        });
        created.EnsureSuccessStatusCode();
        var assistant = (await created.Content.ReadFromJsonAsync<AssistantView>())!;
        return (assistant.Id, await NewKeyAsync("tests"));
    }

    public async Task<Guid> AssistantIdAsync() => (await _seed.Value).Assistant;
    public async Task<string> KeyAsync() => (await _seed.Value).Key;

    /// <summary>A new API key made through /api/api-keys.</summary>
    public async Task<string> NewKeyAsync(string name)
    {
        var client = await SignedInClientAsync();
        var response = await client.PostAsJsonAsync("/api/api-keys", new { name });
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<CreatedApiKey>())!.Key;
    }

    /// <summary>A plain client with the bearer key (the test server's handler; no network).</summary>
    public async Task<HttpClient> BearerClientAsync(string? key = null)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key ?? await KeyAsync());
        return client;
    }

    /// <summary>What the assistant's own chat client answers, without HTTP: the reference for the API's answers.</summary>
    public async Task<ChatResponse> DirectAsync(IEnumerable<ChatMessage> messages, ChatOptions options)
    {
        var served = await Services.GetRequiredService<AssistantChats>().FindAsync(await AssistantIdAsync());
        return await served!.Client.GetResponseAsync(messages, options);
    }

    public Uri V1 => new(Server.BaseAddress, "v1");

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _tiny.Dispose();
    }
}
