using System.Net;
using System.Net.Http.Json;
using AssistantBuilder.Web.Widget;

namespace AssistantBuilder.Web.FunctionalTests.Widget;

/// <summary>CORS on the widget hub: preflights and negotiation answer exactly the key's assistant's allowed origins.</summary>
public sealed class WidgetCorsTests(WidgetApp app) : IClassFixture<WidgetApp>
{
    async Task<HttpResponseMessage> PreflightAsync(string key, string origin)
    {
        var request = new HttpRequestMessage(HttpMethod.Options, $"{WidgetHub.Path}/negotiate?negotiateVersion=1&key={Uri.EscapeDataString(key)}");
        request.Headers.Add("Origin", origin);
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "x-requested-with,x-signalr-user-agent");
        return await app.CreateClient().SendAsync(request);
    }

    static string? AllowedOrigin(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Access-Control-Allow-Origin", out var values) ? values.Single() : null;

    [Fact]
    public async Task A_preflight_from_a_listed_origin_is_allowed_and_any_other_is_not()
    {
        var (_, key) = await app.AssistantAsync();
        var allowed = await PreflightAsync(key, WidgetApp.Shop);
        Assert.Equal(HttpStatusCode.NoContent, allowed.StatusCode);
        Assert.Equal(WidgetApp.Shop, AllowedOrigin(allowed));
        Assert.Contains("POST", allowed.Headers.GetValues("Access-Control-Allow-Methods").Single());

        Assert.Null(AllowedOrigin(await PreflightAsync(key, "https://evil.example.com")));
        Assert.Null(AllowedOrigin(await PreflightAsync("wk_unknown", WidgetApp.Shop)));
    }

    [Fact]
    public async Task Negotiation_is_anonymous_and_answers_a_listed_origin_with_its_cors_header()
    {
        var (_, key) = await app.AssistantAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, $"{WidgetHub.Path}/negotiate?negotiateVersion=1&key={Uri.EscapeDataString(key)}");
        request.Headers.Add("Origin", WidgetApp.Shop);
        var response = await app.CreateClient().SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(WidgetApp.Shop, AllowedOrigin(response));
        Assert.Contains("connectionToken", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_revoked_key_allows_no_origin_and_the_keys_api_lists_it_as_revoked()
    {
        var (assistant, _) = await app.AssistantAsync();
        var key = await app.KeyAsync(assistant.Id, "to revoke");
        var client = await app.OperatorAsync();
        (await client.DeleteAsync($"/api/assistants/{assistant.Id}/widget-keys/{key.Id}")).EnsureSuccessStatusCode();
        Assert.Null(AllowedOrigin(await PreflightAsync(key.Key, WidgetApp.Shop)));
        var keys = await client.GetFromJsonAsync<List<WidgetKeyView>>($"/api/assistants/{assistant.Id}/widget-keys");
        Assert.Equal([(key.Id, true, "to revoke")], keys!.Where(k => k.Id == key.Id).Select(k => (k.Id, k.Revoked, k.Label)));
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/assistants/{Guid.NewGuid()}/widget-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.DeleteAsync($"/api/assistants/{assistant.Id}/widget-keys/{Guid.NewGuid()}")).StatusCode);
    }

    [Fact]
    public async Task The_widget_keys_api_needs_a_signed_in_operator()
    {
        var (assistant, _) = await app.AssistantAsync();
        var anonymous = app.CreateClient(new() { AllowAutoRedirect = false });
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/assistants/{assistant.Id}/widget-keys")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync($"/api/assistants/{assistant.Id}/conversations")).StatusCode);
    }
}
