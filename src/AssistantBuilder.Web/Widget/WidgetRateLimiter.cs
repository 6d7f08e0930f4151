using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace AssistantBuilder.Web.Widget;

/// <summary>
/// Fixed-window limits on widget messages, one window per widget key and one per client IP (both must allow a
/// message). Held as a singleton; <see cref="WidgetRateLimitFilter"/> asks it before every SendMessage.
/// </summary>
public sealed class WidgetRateLimiter : IDisposable
{
    readonly PartitionedRateLimiter<WidgetCaller> _limiter;

    public WidgetRateLimiter(IOptions<WidgetOptions> options)
    {
        var o = options.Value.RateLimit;
        var window = TimeSpan.FromSeconds(Math.Max(1, o.WindowSeconds));
        _limiter = PartitionedRateLimiter.CreateChained(
            PartitionedRateLimiter.Create<WidgetCaller, string>(c => RateLimitPartition.GetFixedWindowLimiter("key:" + c.Key, _ => Window(o.PerKey, window))),
            PartitionedRateLimiter.Create<WidgetCaller, string>(c => RateLimitPartition.GetFixedWindowLimiter("ip:" + c.Ip, _ => Window(o.PerIp, window))));
    }

    static FixedWindowRateLimiterOptions Window(int permits, TimeSpan window) =>
        new() { PermitLimit = Math.Max(1, permits), Window = window, QueueLimit = 0, AutoReplenishment = true };

    /// <summary>Null when the message may go; otherwise how long until it may.</summary>
    public TimeSpan? TryAcquire(WidgetCaller caller)
    {
        using var lease = _limiter.AttemptAcquire(caller);
        if (lease.IsAcquired) return null;
        return lease.TryGetMetadata(MetadataName.RetryAfter, out var retry) ? retry : TimeSpan.FromSeconds(1);
    }

    public void Dispose() => _limiter.Dispose();
}
