using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace AssistantBuilder.Web.E2ETests;

/// <summary>
/// A plain website on another loopback port (so another origin than the app) with one static page, into which the
/// operator pastes the widget's script tag. Only <c>/</c> is served; the page has no script of its own.
/// </summary>
public sealed class CustomerSite : IAsyncDisposable
{
    readonly WebApplication _app;

    CustomerSite(WebApplication app) => _app = app;

    /// <summary>The site's origin, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string Origin { get; private set; } = "";

    /// <summary>What goes into the page's body after its own text (the pasted snippet).</summary>
    public string Embed { get; set; } = "";

    public static async Task<CustomerSite> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        var app = builder.Build();
        var site = new CustomerSite(app);
        app.MapGet("/", () => Results.Content(site.Page(), "text/html; charset=utf-8"));
        await app.StartAsync();
        site.Origin = new Uri(app.Urls.First()).GetLeftPart(UriPartial.Authority);
        return site;
    }

    string Page() => $$"""
        <!doctype html>
        <html lang="en">
        <head><meta charset="utf-8"><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width, initial-scale=1"><title>Brightwave help centre</title>
        <style>body { font-family: sans-serif; max-width: 720px; margin: 40px auto; color: #222 } h1 { color: #00695c }</style></head>
        <body>
        <h1>Brightwave help centre</h1>
        <p>Broadband, TV and mobile help. Our assistant answers around the clock: open the chat at the bottom right.</p>
        {{Embed}}
        </body>
        </html>
        """;

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
