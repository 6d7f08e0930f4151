using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>
/// The app served by Kestrel on a loopback port (real sockets, real WebSockets) instead of the in-memory test server,
/// with extra settings on top of <see cref="WebAppFactory"/>'s.
/// </summary>
public sealed class KestrelApp : WebAppFactory
{
    readonly IReadOnlyDictionary<string, string> _settings;

    public KestrelApp(IReadOnlyDictionary<string, string>? settings = null)
    {
        _settings = settings ?? new Dictionary<string, string>();
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
    }

    /// <summary>Starts the server (once) and answers its address, e.g. <c>http://127.0.0.1:41235/</c>.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First() + "/");
        }
    }

    /// <summary>A client of the real server (CreateClient's default address is http://localhost, port 80).</summary>
    public HttpClient CreateLoopbackClient(bool cookies = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false, HandleCookies = cookies });

    /// <summary>A client of the real server with the operator's session cookie.</summary>
    public new async Task<HttpClient> SignedInClientAsync()
    {
        var client = CreateLoopbackClient(cookies: true);
        var response = await client.PostAsJsonAsync("/api/account/login", new { email = Email, password = Password });
        response.EnsureSuccessStatusCode();
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}
