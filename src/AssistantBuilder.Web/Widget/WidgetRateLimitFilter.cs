using Microsoft.AspNetCore.SignalR;

namespace AssistantBuilder.Web.Widget;

/// <summary>
/// Applies <see cref="WidgetRateLimiter"/> to every SendMessage invocation on the widget hub ([EnableRateLimiting]
/// would only guard the connection's HTTP requests, not each hub invocation).
/// </summary>
public sealed class WidgetRateLimitFilter(WidgetRateLimiter limiter) : IHubFilter
{
    public ValueTask<object?> InvokeMethodAsync(HubInvocationContext context, Func<HubInvocationContext, ValueTask<object?>> next)
    {
        if (context.HubMethodName == nameof(WidgetHub.SendMessage))
        {
            string key = context.HubMethodArguments.Count > 0 ? context.HubMethodArguments[0] as string ?? "" : "";
            string ip = context.Context.GetHttpContext()?.Connection.RemoteIpAddress?.ToString() ?? "unknown";
            if (limiter.TryAcquire(new WidgetCaller(key, ip)) is { } retry)
            {
                int seconds = Math.Max(1, (int)Math.Ceiling(retry.TotalSeconds));
                throw new HubException($"Too many messages: try again in {seconds} s.");
            }
        }
        return next(context);
    }
}
