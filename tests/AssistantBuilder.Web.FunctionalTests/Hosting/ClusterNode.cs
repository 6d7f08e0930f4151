using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.SignalR.Client;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantBuilder.Web.FunctionalTests.Hosting;

/// <summary>
/// One web node of a cluster: the real app served by Kestrel on its own loopback port, on a data directory (and so a
/// SQLite database and data-protection keys) that other nodes share, with the Redis backplane when given one.
/// </summary>
public sealed class ClusterNode : WebApplicationFactory<Program>
{
    readonly string _dataDir;
    readonly string? _redis;
    readonly string _channelPrefix;

    public ClusterNode(string dataDir, string? redis, string channelPrefix)
    {
        (_dataDir, _redis, _channelPrefix) = (dataDir, redis, channelPrefix);
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
    }

    /// <summary>The node's address, e.g. <c>http://127.0.0.1:41235</c>.</summary>
    public Uri Address => new(Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("DataDir", _dataDir);
        builder.UseSetting("Operator:Email", WebAppFactory.Email);
        builder.UseSetting("Operator:Password", WebAppFactory.Password);
        builder.UseSetting("ConnectionStrings:Redis", _redis ?? "");
        builder.UseSetting("Redis:ChannelPrefix", _channelPrefix);
        builder.UseEnvironment("Testing");
    }

    /// <summary>A hub connection to this node over real HTTP (WebSockets), signed in at this node.</summary>
    public async Task<HubConnection> ConnectAsync(string hubPath)
    {
        using var http = new HttpClient { BaseAddress = Address };
        var response = await http.PostAsJsonAsync("/api/account/login", new { email = WebAppFactory.Email, password = WebAppFactory.Password });
        response.EnsureSuccessStatusCode();
        string cookie = string.Join("; ", response.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var hub = new HubConnectionBuilder().WithUrl(new Uri(Address, hubPath), o => o.Headers["Cookie"] = cookie).Build();
        await hub.StartAsync();
        return hub;
    }
}
