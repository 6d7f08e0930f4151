namespace AssistantBuilder.Web.Hosting;

/// <summary>
/// How this web node shares SignalR messages with the others: the Redis backplane when <see cref="Redis"/> is set
/// (<c>ConnectionStrings:Redis</c>, else <c>Redis:Configuration</c>), else in-memory (one node, as before).
/// </summary>
public sealed record ScaleOutOptions
{
    public const string DefaultChannelPrefix = "assistantbuilder";

    /// <summary>A StackExchange.Redis configuration string, e.g. <c>redis:6379,password=...</c>; null: no backplane.</summary>
    public string? Redis { get; init; }

    /// <summary>Prefixes every backplane channel (<c>Redis:ChannelPrefix</c>), so several deployments can share one Redis.</summary>
    public string ChannelPrefix { get; init; } = DefaultChannelPrefix;

    public bool Backplane => Redis is { Length: > 0 };

    public static ScaleOutOptions FromConfiguration(IConfiguration configuration)
    {
        string? redis = configuration.GetConnectionString("Redis") is { Length: > 0 } cs ? cs : configuration["Redis:Configuration"];
        string prefix = configuration["Redis:ChannelPrefix"] is { Length: > 0 } p ? p.Trim() : DefaultChannelPrefix;
        return new ScaleOutOptions { Redis = string.IsNullOrWhiteSpace(redis) ? null : redis.Trim(), ChannelPrefix = prefix };
    }
}
