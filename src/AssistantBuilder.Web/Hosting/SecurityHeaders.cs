using System.Security.Cryptography;

namespace AssistantBuilder.Web.Hosting;

/// <summary>
/// Security headers on every response: no MIME sniffing, a referrer policy, a permissions policy, and for everything
/// but the embeddable widget (<c>/widget.js</c>, <c>/widget/…</c>, <c>/hubs/widget</c>) no framing and a
/// Content-Security-Policy that Blazor Server and MudBlazor work under: scripts from this origin plus the page's import
/// map (by a per-request nonce), inline styles (MudBlazor sets style attributes and a theme &lt;style&gt;), and the
/// circuit's WebSocket to this origin.
/// </summary>
public static class SecurityHeaders
{
    const string NonceKey = "ab.csp-nonce";

    public const string PermissionsPolicy = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), microphone=(), payment=(), usb=()";
    public const string ReferrerPolicy = "strict-origin-when-cross-origin";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        // At response start, so headers survive the exception handler and status-code re-execution clearing them.
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next(context);
    });

    /// <summary>The nonce this request's CSP allows inline scripts with (App.razor puts it on the import map).</summary>
    public static string Nonce(HttpContext context)
    {
        if (context.Items[NonceKey] is string nonce) return nonce;
        nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        context.Items[NonceKey] = nonce;
        return nonce;
    }

    /// <summary>Paths another site may load or connect to: the widget script, its assets and its hub.</summary>
    public static bool IsEmbeddable(PathString path) =>
        path.Equals("/widget.js", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/widget") || path.StartsWithSegments("/hubs/widget");

    public static string ContentSecurityPolicy(string nonce) =>
        "default-src 'self'; " +
        $"script-src 'self' 'nonce-{nonce}'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data: blob:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "frame-ancestors 'none'; " +
        "base-uri 'self'; " +
        "form-action 'self'; " +
        "object-src 'none'";

    static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers["Permissions-Policy"] = PermissionsPolicy;
        if (IsEmbeddable(context.Request.Path)) return;
        headers.XFrameOptions = "DENY";
        headers.ContentSecurityPolicy = ContentSecurityPolicy(Nonce(context));
    }
}
