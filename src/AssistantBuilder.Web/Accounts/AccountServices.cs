using Microsoft.AspNetCore.Authentication.Cookies;

namespace AssistantBuilder.Web.Accounts;

public static class AccountServices
{
    /// <summary>
    /// Cookie sign-in for operators. Every endpoint needs a signed-in operator unless it says otherwise; APIs and hubs
    /// answer 401/403 instead of redirecting to the login page.
    /// </summary>
    public static WebApplicationBuilder AddOperatorAuth(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<OperatorAccounts>();
        builder.Services.AddAuthentication(CookieAuthenticationDefaults.AuthenticationScheme).AddCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.LogoutPath = "/account/logout";
            o.Cookie.Name = "ab.auth";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Strict;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromDays(7);
            o.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
            o.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
        });
        builder.Services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder()
            .RequireAuthenticatedUser().Build());
        builder.Services.AddCascadingAuthenticationState();
        return builder;
    }

    static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/api") || path.StartsWithSegments("/hubs") || path.StartsWithSegments("/v1"))
        {
            context.Response.StatusCode = status;
            // Not re-executed as the not-found page: for a POST that would answer 400 (antiforgery) instead of 401.
            if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages) pages.Enabled = false;
        }
        else
            context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }

    /// <summary>Creates the first operator from configuration (<c>Operator:Email</c>, <c>Operator:Password</c>) when there is none yet.</summary>
    public static async Task EnsureFirstOperatorAsync(this WebApplication app)
    {
        var accounts = app.Services.GetRequiredService<OperatorAccounts>();
        if (await accounts.AnyAsync()) return;
        var (email, password) = (app.Configuration["Operator:Email"], app.Configuration["Operator:Password"]);
        if (string.IsNullOrEmpty(email) || string.IsNullOrEmpty(password))
        {
            app.Logger.LogWarning("No operator yet: open /account/setup to create the first one (or set Operator__Email and Operator__Password).");
            return;
        }
        if (await accounts.CreateAsync(email, password) is { } problem)
            throw new InvalidOperationException($"Operator settings: {problem}");
        app.Logger.LogInformation("Created the first operator {Email} from configuration.", email);
    }
}
