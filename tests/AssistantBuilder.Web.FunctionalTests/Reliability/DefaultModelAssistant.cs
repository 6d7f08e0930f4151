using System.Net;
using System.Net.Http.Json;
using AssistantBuilder.Web.Assistants;
using AssistantBuilder.Web.BaseModels;
using AssistantBuilder.Web.Widget;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>An assistant on the shipped default model (data/models/default) with a widget key, made through the operator API.</summary>
public static class DefaultModelAssistant
{
    public static async Task<(Guid Assistant, string Key, string Name)> CreateAsync(KestrelApp app, string allowedOrigin, double temperature, double topP, int maxTokens)
    {
        var client = await app.SignedInClientAsync();
        var models = await client.GetFromJsonAsync<List<ModelSummary>>("/api/models");
        var model = models!.FirstOrDefault(m => m.Source == "Shipped" && m.Name == "default")
            ?? throw new InvalidOperationException("the shipped default model (data/models/default) is not registered: " + string.Join(", ", models!.Select(m => m.Name)));
        var response = await client.PostAsJsonAsync("/api/assistants", new
        {
            name = $"Brightwave {Guid.NewGuid():N}"[..18],
            baseModelId = model.Id,
            systemPrompt = "You are Brightwave's support assistant.",
            generation = new { temperature, topP, maxTokens, repetitionPenalty = 1.1 },
            widget = new { allowedOrigins = new[] { allowedOrigin } },
        });
        Assert.True(response.StatusCode == HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var assistant = (await response.Content.ReadFromJsonAsync<AssistantView>())!;
        var key = await client.PostAsJsonAsync($"/api/assistants/{assistant.Id}/widget-keys", new { label = "test" });
        Assert.Equal(HttpStatusCode.Created, key.StatusCode);
        return (assistant.Id, (await key.Content.ReadFromJsonAsync<WidgetKeyView>())!.Key, assistant.Name);
    }
}
