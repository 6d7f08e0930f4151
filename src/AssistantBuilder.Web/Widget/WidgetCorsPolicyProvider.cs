using AssistantBuilder.Data;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Options;

namespace AssistantBuilder.Web.Widget;

/// <summary>
/// CORS for the widget hub (negotiate, long polling, server-sent events): exactly the allowed origins of the assistant
/// whose live widget key is in the URL's <c>key</c> query parameter, read from the database and cached briefly.
/// A missing, unknown or revoked key allows no origin. Other paths get the app's ordinary CORS policies.
/// </summary>
public sealed class WidgetCorsPolicyProvider(IDbContextFactory<AppDbContext> dbs, IMemoryCache cache, IOptions<WidgetOptions> widget, IOptions<CorsOptions> cors)
    : ICorsPolicyProvider
{
    readonly DefaultCorsPolicyProvider _others = new(cors);
    static readonly CorsPolicy Nobody = new();

    public async Task<CorsPolicy?> GetPolicyAsync(HttpContext context, string? policyName)
    {
        if (!context.Request.Path.StartsWithSegments(WidgetHub.Path)) return await _others.GetPolicyAsync(context, policyName);
        string key = context.Request.Query["key"].ToString();
        if (key.Length == 0) return Nobody;
        var origins = await cache.GetOrCreateAsync(("widget-cors", key), async entry =>
        {
            entry.AbsoluteExpirationRelativeToNow = TimeSpan.FromSeconds(Math.Max(0, widget.Value.CorsCacheSeconds));
            entry.Size = 1;
            await using var db = await dbs.CreateDbContextAsync(context.RequestAborted);
            var assistantId = await db.WidgetKeys.AsNoTracking().Where(k => k.Key == key && !k.Revoked).Select(k => (Guid?)k.AssistantId).FirstOrDefaultAsync();
            if (assistantId is null) return [];
            var settings = await db.Assistants.AsNoTracking().Where(a => a.Id == assistantId).Select(a => a.Widget).FirstOrDefaultAsync();
            return settings?.AllowedOrigins.ToArray() ?? [];
        });
        if (origins is not { Length: > 0 }) return Nobody;
        return new CorsPolicyBuilder().WithOrigins(origins).WithMethods("GET", "POST").AllowAnyHeader().Build();
    }
}
