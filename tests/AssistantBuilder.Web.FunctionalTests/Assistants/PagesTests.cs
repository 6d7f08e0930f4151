using System.Net;
using System.Net.Http.Json;
using AssistantBuilder.Web.Assistants;

namespace AssistantBuilder.Web.FunctionalTests.Assistants;

/// <summary>The model and assistant pages render (prerendered on the server) with real data for a signed-in operator.</summary>
public sealed class PagesTests(AssistantsApp app) : IClassFixture<AssistantsApp>
{
    [Fact]
    public async Task Model_and_assistant_pages_render_their_data()
    {
        var client = await app.SignedInClientAsync();
        var job = await app.JobAsync("page run");
        var created = await client.PostAsJsonAsync("/api/assistants", new { name = "Page bot", baseModelId = await app.TinyModelIdAsync(), jobId = job, systemPrompt = "Answer shop questions." });
        var assistant = (await created.Content.ReadFromJsonAsync<AssistantView>())!;

        async Task<string> Page(string path)
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {response.StatusCode}");
            return await response.Content.ReadAsStringAsync();
        }
        Assert.Contains("default", await Page("/models"));
        Assert.Contains("LlamaForCausalLM", await Page($"/models/{app.DefaultModelId()}"));
        Assert.Contains("Page bot", await Page("/assistants"));
        Assert.Contains("New assistant", await Page("/assistants/new"));
        var edit = await Page($"/assistants/{assistant.Id}");
        Assert.Contains("Answer shop questions.", edit);
        Assert.Contains("Serving version 1", edit);
        Assert.Contains("No base model", await Page($"/models/{Guid.NewGuid()}"));
    }
}
