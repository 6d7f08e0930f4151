using System.Net;
using AssistantBuilder.Web.FunctionalTests.OpenAi;

namespace AssistantBuilder.Web.FunctionalTests.Playground;

/// <summary>The playground and API keys pages render (prerendered) for a signed-in operator, and not for anyone else.</summary>
public sealed class PlaygroundPageTests(OpenAiApp app) : IClassFixture<OpenAiApp>
{
    [Fact]
    public async Task The_playground_renders_the_assistant_with_its_settings_and_the_api_keys_page_lists_keys()
    {
        var client = await app.SignedInClientAsync();
        var id = await app.AssistantIdAsync();

        var page = await client.GetAsync($"/assistants/{id}/playground");
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        var html = await page.Content.ReadAsStringAsync();
        Assert.Contains("Playground", html);
        Assert.Contains(OpenAiApp.Model, html);
        Assert.Contains("Generation (this chat)", html);
        Assert.Contains("Say something to the assistant.", html);

        Assert.Contains("Pick an assistant", await client.GetStringAsync("/playground"));
        Assert.Contains($"No assistant with id", await client.GetStringAsync($"/assistants/{Guid.NewGuid()}/playground"));
        var keys = await client.GetStringAsync("/api-keys");
        Assert.Contains("tests", keys);
        Assert.DoesNotContain(await app.KeyAsync(), keys);

        var anonymous = app.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Redirect, (await anonymous.GetAsync($"/assistants/{id}/playground")).StatusCode);
    }
}
