using AssistantBuilder.Web.Widget;
using Microsoft.Extensions.Options;

namespace AssistantBuilder.Web.UnitTests.Widget;

/// <summary>The per-key and per-IP message windows: both must allow a message, and a refusal says how long to wait.</summary>
public sealed class WidgetRateLimiterTests
{
    static WidgetRateLimiter Limiter(int perKey, int perIp) =>
        new(Options.Create(new WidgetOptions { RateLimit = new() { PerKey = perKey, PerIp = perIp, WindowSeconds = 60 } }));

    [Fact]
    public void One_ip_is_limited_across_keys()
    {
        using var limiter = Limiter(perKey: 100, perIp: 2);
        Assert.Null(limiter.TryAcquire(new("key-a", "10.0.0.1")));
        Assert.Null(limiter.TryAcquire(new("key-b", "10.0.0.1")));
        var wait = limiter.TryAcquire(new("key-c", "10.0.0.1"));
        Assert.NotNull(wait);
        Assert.InRange(wait.Value, TimeSpan.FromSeconds(1), TimeSpan.FromSeconds(60));
        Assert.Null(limiter.TryAcquire(new("key-c", "10.0.0.2")));
    }

    [Fact]
    public void One_key_is_limited_across_ips()
    {
        using var limiter = Limiter(perKey: 2, perIp: 100);
        Assert.Null(limiter.TryAcquire(new("key", "10.0.0.1")));
        Assert.Null(limiter.TryAcquire(new("key", "10.0.0.2")));
        Assert.NotNull(limiter.TryAcquire(new("key", "10.0.0.3")));
        Assert.Null(limiter.TryAcquire(new("other", "10.0.0.3")));
    }
}
