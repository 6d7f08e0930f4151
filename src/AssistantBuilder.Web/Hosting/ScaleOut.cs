using AssistantBuilder.Web.Training;
using AssistantBuilder.Web.Widget;
using Microsoft.AspNetCore.SignalR;
using Microsoft.AspNetCore.SignalR.StackExchangeRedis;
using StackExchange.Redis;

namespace AssistantBuilder.Web.Hosting;

public static class ScaleOut
{
    /// <summary>
    /// SignalR, with the Redis backplane for the app's own hubs (<see cref="TrainingHub"/>, <see cref="WidgetHub"/>)
    /// when Redis is configured (<see cref="ScaleOutOptions"/>): a group send on one node then reaches that group's
    /// clients on every node, once. Blazor's circuit hub (<c>/_blazor</c>) keeps the in-memory manager on purpose: a
    /// circuit lives in one node's memory, so its connection must stay on that node (sticky sessions at the proxy,
    /// see docs/deploy.md), and a backplane would add nothing but a Redis round trip and a failure point.
    /// Data-protection keys are shared through the data directory (<see cref="SharedKeys"/>), so a cookie issued by
    /// one node is valid on all.
    /// </summary>
    public static WebApplicationBuilder AddScaleOut(this WebApplicationBuilder builder)
    {
        var options = ScaleOutOptions.FromConfiguration(builder.Configuration);
        builder.Services.AddSingleton(options);
        builder.AddSharedKeys();
        builder.Services.AddSignalR();
        if (!options.Backplane) return builder;

        builder.Services.Configure<RedisOptions>(o =>
        {
            o.Configuration = ConfigurationOptions.Parse(options.Redis!);
            o.Configuration.ChannelPrefix = RedisChannel.Literal(options.ChannelPrefix);
            o.Configuration.ClientName ??= $"assistantbuilder-web-{Environment.MachineName}";
        });
        // Per hub, not the open generic that AddStackExchangeRedis() registers, so that Blazor's hub stays in memory.
        builder.Services.AddSingleton<HubLifetimeManager<TrainingHub>, RedisHubLifetimeManager<TrainingHub>>();
        builder.Services.AddSingleton<HubLifetimeManager<WidgetHub>, RedisHubLifetimeManager<WidgetHub>>();
        return builder;
    }
}
