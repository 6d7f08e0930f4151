using AssistantBuilder.Web.Conversations;
using Microsoft.AspNetCore.Cors.Infrastructure;
using Microsoft.AspNetCore.SignalR;

namespace AssistantBuilder.Web.Widget;

public static class WidgetServices
{
    /// <summary>The widget hub's gate, rate limits (<c>Widget:*</c>), CORS for its allowed origins, and its keys.</summary>
    public static WebApplicationBuilder AddWidget(this WebApplicationBuilder builder)
    {
        builder.Services.Configure<WidgetOptions>(builder.Configuration.GetSection("Widget"));
        builder.Services.AddSingleton<WidgetGate>();
        builder.Services.AddSingleton<WidgetKeyStore>();
        builder.Services.AddSingleton<ConversationLocks>();
        builder.Services.AddSingleton<WidgetRateLimiter>();
        builder.Services.AddSignalR().AddHubOptions<WidgetHub>(o => o.AddFilter<WidgetRateLimitFilter>());
        builder.Services.AddSingleton<WidgetRateLimitFilter>();
        builder.Services.AddMemoryCache();
        builder.Services.AddCors();
        builder.Services.AddSingleton<ICorsPolicyProvider, WidgetCorsPolicyProvider>();
        // widget.js is a static web asset whose file lies outside the project's wwwroot (in the repository's top-level
        // wwwroot). Development maps such files through the build's runtime manifest; do that in every environment
        // run from a build output (tests, a plain `dotnet run`). A published app has no manifest: there it is a no-op
        // and the file is in the publish folder's wwwroot.
        if (!builder.Environment.IsDevelopment()) builder.WebHost.UseStaticWebAssets();
        return builder;
    }

    /// <summary>CORS (before authentication, so a preflight to the anonymous hub is answered without a sign-in).</summary>
    public static WebApplication UseWidgetCors(this WebApplication app)
    {
        app.UseCors();
        return app;
    }
}
