using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Hosting;

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
    public Uri BaseAddress => KestrelAddress();

    /// <summary>Clients made by the factory (the operator's signed-in client included) go to the Kestrel port.</summary>
    protected override Uri ClientBaseAddress => BaseAddress;

    /// <summary>A client of the real server (CreateClient's default address is http://localhost, port 80).</summary>
    public HttpClient CreateLoopbackClient(bool cookies = false) =>
        CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = BaseAddress, AllowAutoRedirect = false, HandleCookies = cookies });

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
    }
}
