using System.Net;
using System.Text.RegularExpressions;

namespace AssistantBuilder.Web.FunctionalTests.Hosting;

/// <summary>
/// Security headers on pages, APIs and errors; the widget's script and hub stay embeddable. (That Blazor and MudBlazor
/// still work under the policy is checked in the real browser by the E2E journey, which fails on console errors.)
/// </summary>
public sealed class SecurityHeadersTests : IClassFixture<WebAppFactory>
{
    readonly WebAppFactory _app;
    public SecurityHeadersTests(WebAppFactory app) => _app = app;

    [Theory]
    [InlineData("/account/login")]
    [InlineData("/healthz")]
    [InlineData("/api/datasets")]      // 401 without a session
    [InlineData("/no/such/page")]      // re-executed as the not-found page
    public async Task Operator_responses_carry_all_headers_and_may_not_be_framed(string path)
    {
        var response = await _app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Contains("camera=()", Header(response, "Permissions-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        string csp = Header(response, "Content-Security-Policy")!;
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("object-src 'none'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Matches(@"script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}';", csp);
    }

    [Fact]
    public async Task The_page_import_map_carries_the_nonce_of_its_own_policy_and_each_request_gets_a_new_one()
    {
        var client = _app.CreateClient();
        var first = await client.GetAsync("/account/login");
        var second = await client.GetAsync("/account/login");
        string nonce = Regex.Match(Header(first, "Content-Security-Policy")!, "'nonce-([^']+)'").Groups[1].Value;
        // As the browser reads the attribute: Blazor HTML-encodes it, so a base64 '+' arrives as &#x2B;.
        string html = WebUtility.HtmlDecode(await first.Content.ReadAsStringAsync());
        Assert.Contains($"<script type=\"importmap\" nonce=\"{nonce}\"", html);
        Assert.DoesNotContain(nonce, Header(second, "Content-Security-Policy")!);
    }

    [Theory]
    [InlineData("/widget.js")]
    [InlineData("/hubs/widget/negotiate?negotiateVersion=1")]
    public async Task The_widget_script_and_hub_can_be_used_from_other_sites(string path)
    {
        // (Whatever the status until the widget lands: the headers depend on the path alone.)
        var response = await _app.CreateClient(new() { AllowAutoRedirect = false }).GetAsync(path);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Null(Header(response, "X-Frame-Options"));
        Assert.Null(Header(response, "Content-Security-Policy"));
    }

    [Fact]
    public async Task Signed_in_pages_have_the_policy_too()
    {
        var client = await _app.SignedInClientAsync();
        var response = await client.GetAsync("/datasets");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.NotNull(Header(response, "Content-Security-Policy"));
    }

    static string? Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values) ? string.Join(",", values) : null;
}
