using System.Net;
using System.Net.Http.Json;
using AssistantBuilder.Testing;
using AssistantBuilder.Web.Assistants;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Widget;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace AssistantBuilder.Web.FunctionalTests.Widget;

/// <summary>
/// The app with the tiny random model registered, a per-key limit of <see cref="PerKey"/> messages a minute (per IP:
/// plenty), and helpers that create assistants and widget keys through the API and connect the .NET SignalR client
/// to the widget hub as a page on some origin would.
/// </summary>
public class WidgetApp : WebAppFactory
{
    public const int PerKey = 5;
    public const string Shop = "https://shop.example.com";
    readonly TinyModel _tiny = TinyModel.Create();
    readonly Lazy<Task<Guid>> _model;
    readonly Lazy<Task<HttpClient>> _client;

    public WidgetApp()
    {
        _model = new(async () =>
        {
            await using var db = CreateDb();
            var model = new BaseModel { Name = "tiny", Path = _tiny.Directory, Source = ModelSource.Pulled, Architecture = "LlamaForCausalLM" };
            db.BaseModels.Add(model);
            await db.SaveChangesAsync();
            return model.Id;
        });
        _client = new(SignedInClientAsync);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Widget:RateLimit:PerKey", PerKey.ToString());
        builder.UseSetting("Widget:RateLimit:PerIp", "10000");
        builder.UseSetting("Widget:MaxMessageChars", "200");
    }

    public Task<HttpClient> OperatorAsync() => _client.Value;

    /// <summary>A greedy assistant on the tiny model that may be embedded on <see cref="Shop"/>, and a fresh widget key for it.</summary>
    public async Task<(AssistantView Assistant, string Key)> AssistantAsync(int maxTokens = 12, string systemPrompt = "")
    {
        var client = await OperatorAsync();
        var response = await client.PostAsJsonAsync("/api/assistants", new
        {
            name = $"Shop helper {Guid.NewGuid():N}"[..20],
            baseModelId = await _model.Value,
            systemPrompt,
            generation = new { temperature = 0.0, topP = 1.0, maxTokens, repetitionPenalty = 1.0 },
            widget = new { title = "Ask the shop", welcomeMessage = "Hello there!", primaryColor = "#00796b", allowedOrigins = new[] { Shop, "http://localhost:5173" } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var assistant = (await response.Content.ReadFromJsonAsync<AssistantView>())!;
        return (assistant, (await KeyAsync(assistant.Id)).Key);
    }

    public async Task<WidgetKeyView> KeyAsync(Guid assistantId, string label = "shop")
    {
        var response = await (await OperatorAsync()).PostAsJsonAsync($"/api/assistants/{assistantId}/widget-keys", new { label });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<WidgetKeyView>())!;
    }

    /// <summary>A widget connection (long polling through the in-memory server) sending <paramref name="origin"/> as its Origin header.</summary>
    public async Task<HubConnection> ConnectAsync(string key, string? origin = Shop)
    {
        var hub = new HubConnectionBuilder()
            .WithUrl(new Uri(Server.BaseAddress, $"{WidgetHub.Path}?key={Uri.EscapeDataString(key)}"), o =>
            {
                o.Transports = HttpTransportType.LongPolling;
                o.HttpMessageHandlerFactory = _ => Server.CreateHandler();
                if (origin is not null) o.Headers["Origin"] = origin;
            })
            .Build();
        await hub.StartAsync();
        return hub;
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _tiny.Dispose();
    }
}
