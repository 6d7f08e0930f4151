using System.Net;
using AssistantBuilder.Core.Serving;
using AssistantBuilder.Engine.Serving;
using AssistantBuilder.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantBuilder.Web.FunctionalTests.OpenAi;

/// <summary>
/// <see cref="OpenAiApp"/> served by Kestrel on a loopback port (real sockets, so a client can really disconnect),
/// with one serving slot and a tiny model with a long context (answers long enough to be cut off mid-stream).
/// </summary>
public sealed class KestrelOpenAiApp : OpenAiApp
{
    public KestrelOpenAiApp() : base(TinyModel.DefaultConfig() with { MaxPositionEmbeddings = 4096 }) =>
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Serving:Slots", "1");
    }

    /// <summary>Clients made by the factory (sign-in, API keys) go to the Kestrel port too.</summary>
    protected override Uri ClientBaseAddress => Address;

    /// <summary>The server's address, e.g. <c>http://127.0.0.1:41235</c> (starts it once).</summary>
    public Uri Address => KestrelAddress();

    /// <summary>The serving engine of the one base model loaded (after a first request).</summary>
    public ServingEngine Engine => Services.GetRequiredService<ModelHost>().Loaded.Single().Engine;
}
