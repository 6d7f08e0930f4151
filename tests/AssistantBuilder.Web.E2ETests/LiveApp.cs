using System.Net;
using AssistantBuilder.Testing;
using AssistantBuilder.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantBuilder.Web.E2ETests;

/// <summary>
/// The real app served by Kestrel on a loopback port (not the in-memory test server), on a fresh data directory with
/// no operator yet, so a browser can walk through first-start setup. Training uses one thread.
/// </summary>
public sealed class LiveApp : WebApplicationFactory<Program>
{
    public string DataDir { get; } = TempDir.Create("e2e");

    public LiveApp() => UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    /// <summary>Starts the server (once) and answers its address, e.g. <c>http://127.0.0.1:41235</c>.</summary>
    public Uri BaseAddress
    {
        get
        {
            StartServer();
            var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
            return new Uri(addresses.First());
        }
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataDir", DataDir);
        builder.UseSetting("Operator:Email", "");
        builder.UseSetting("Operator:Password", "");
        builder.UseSetting("Training:Threads", "1");
        builder.UseEnvironment("Production");
        // Outside Development the framework's and MudBlazor's files are only found through the build's static web assets manifest.
        builder.UseStaticWebAssets();
    }

    public AppDbContext CreateDb() => Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) TempDir.Delete(DataDir);
    }
}
