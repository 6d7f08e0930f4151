using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AssistantBuilder.Testing;
using AssistantBuilder.Web.Assistants;
using AssistantBuilder.Data;
using AssistantBuilder.Web.OpenAi;
using AssistantBuilder.Web.Widget;
using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.Client;
using Xunit.Abstractions;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>
/// A registered model whose folder broke on disk after it was registered (files deleted, cut short or overwritten):
/// the OpenAI API and the widget answer with a clear error, nothing is stored, the app keeps running, and once the
/// folder is repaired the same assistant answers again without a restart. (Broken uploads are in BadInputTests.)
/// </summary>
public sealed class BrokenModelFolderTests(ITestOutputHelper output)
{
    const string Site = "https://shop.example.com";

    public static TheoryData<string> Damages => ["weights deleted", "weights cut in half", "config.json overwritten", "tokenizer.json deleted"];

    [Theory]
    [MemberData(nameof(Damages))]
    public async Task A_model_folder_broken_on_disk_gets_a_clear_error_nothing_is_stored_and_it_serves_again_once_repaired(string damage)
    {
        using var tiny = TinyModel.Create();
        using var app = new KestrelApp();
        var operatorClient = await app.SignedInClientAsync();
        Guid modelId;
        await using (var db = app.CreateDb())
        {
            var model = new BaseModel { Name = "tiny", Path = tiny.Directory, Source = ModelSource.Pulled, Architecture = "LlamaForCausalLM" };
            db.BaseModels.Add(model);
            await db.SaveChangesAsync();
            modelId = model.Id;
        }
        var created = await operatorClient.PostAsJsonAsync("/api/assistants", new
        {
            name = "fragile", baseModelId = modelId, generation = new { temperature = 0.0, topP = 1.0, maxTokens = 4, repetitionPenalty = 1.0 },
            widget = new { allowedOrigins = new[] { Site } },
        });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var assistant = (await created.Content.ReadFromJsonAsync<AssistantView>())!;
        string key = (await (await operatorClient.PostAsJsonAsync($"/api/assistants/{assistant.Id}/widget-keys", new { label = "shop" }))
            .Content.ReadFromJsonAsync<WidgetKeyView>())!.Key;
        var apiKey = await operatorClient.PostAsJsonAsync("/api/api-keys", new { name = "broken model test" });
        var bearer = app.CreateLoopbackClient();
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await apiKey.Content.ReadFromJsonAsync<CreatedApiKey>())!.Key);
        await using var hub = WidgetConnection.Builder(app.BaseAddress, key, Site).Build();
        await hub.StartAsync();
        var conversation = (await hub.InvokeAsync<WidgetStart>("StartConversation", key)).ConversationId;

        var saved = Damage(tiny.Directory, damage);
        var before = await SnapshotAsync(app);

        var response = await bearer.PostAsJsonAsync("/v1/chat/completions", new { model = "fragile", messages = new[] { new { role = "user", content = "hello" } } });
        string message = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetProperty("message").GetString()!;
        output.WriteLine($"{damage}: OpenAI API {(int)response.StatusCode}: {message}");
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith("The server failed to answer: ", message);
        Assert.Contains(damage.Split(' ')[0] == "weights" ? "model.safetensors" : damage.Split(' ')[0], message); // names the file at fault

        var refused = await Assert.ThrowsAsync<HubException>(async () =>
        {
            await foreach (var _ in hub.StreamAsync<string>("SendMessage", key, conversation, "hello")) { }
        });
        output.WriteLine($"{damage}: widget: {refused.Message}");
        Assert.Contains("The assistant is not available right now; please try again later.", refused.Message);

        var after = await SnapshotAsync(app);
        Assert.True(after.DifferenceFrom(before).Length == 0, after.DifferenceFrom(before));
        Assert.Equal("healthy", (await app.CreateLoopbackClient().GetFromJsonAsync<string>("/healthz")));

        // Repaired on disk: the next request loads the folder again and is answered, no restart needed.
        foreach (var (path, bytes) in saved) await File.WriteAllBytesAsync(path, bytes);
        var again = await bearer.PostAsJsonAsync("/v1/chat/completions", new { model = "fragile", messages = new[] { new { role = "user", content = "hello" } } });
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        await foreach (var _ in hub.StreamAsync<string>("SendMessage", key, conversation, "hello")) { }
        Assert.Equal(2, (await hub.InvokeAsync<WidgetResume>("ResumeConversation", key, conversation)).Messages.Count);
    }

    /// <summary>Breaks the folder as named; answers the original bytes of what it touched, to repair it.</summary>
    static List<(string Path, byte[] Bytes)> Damage(string dir, string damage)
    {
        string weights = Path.Combine(dir, "model.safetensors"), config = Path.Combine(dir, "config.json"), tokenizer = Path.Combine(dir, "tokenizer.json");
        var saved = new List<(string, byte[])>();
        void Keep(string path) => saved.Add((path, File.ReadAllBytes(path)));
        switch (damage)
        {
            case "weights deleted": Keep(weights); File.Delete(weights); break;
            case "weights cut in half": Keep(weights); File.WriteAllBytes(weights, saved[0].Item2[..(saved[0].Item2.Length / 2)]); break;
            case "config.json overwritten": Keep(config); File.WriteAllText(config, "{ \"architectures\": [\"LlamaForCausalLM\"], \"hidden_"); break;
            case "tokenizer.json deleted": Keep(tokenizer); File.Delete(tokenizer); break;
            default: throw new ArgumentOutOfRangeException(nameof(damage));
        }
        return saved;
    }

    static async Task<StoreSnapshot> SnapshotAsync(KestrelApp app)
    {
        await using var db = app.CreateDb();
        return await StoreSnapshot.TakeAsync(db, app.DataDir);
    }
}
