using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>
/// The "ApiKey" scheme of the /v1 API: <c>Authorization: Bearer ab-...</c>. A missing, unknown or revoked key is
/// answered with 401 in OpenAI's error shape (code invalid_api_key).
/// </summary>
public sealed class ApiKeyAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyStore keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Policy = "OpenAiApiKey";
    public const string KeyIdClaim = "api_key_id";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        string header = Request.Headers.Authorization.ToString();
        if (header.Length == 0) return AuthenticateResult.NoResult();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
            return AuthenticateResult.Fail("The Authorization header must be 'Bearer YOUR_API_KEY'.");
        var (check, key) = await keys.CheckAsync(header["Bearer ".Length..].Trim(), Context.RequestAborted);
        if (check == ApiKeyCheck.Revoked) return AuthenticateResult.Fail($"The API key {key!.Prefix}... ('{key.Name}') has been revoked.");
        if (check == ApiKeyCheck.Unknown) return AuthenticateResult.Fail("Incorrect API key provided. Create one on the API keys page of AssistantBuilder.");
        var identity = new ClaimsIdentity([new Claim(ClaimTypes.Name, key!.Name), new Claim(KeyIdClaim, key.Id.ToString())], SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    protected override async Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var result = await HandleAuthenticateOnceSafeAsync();
        string message = result.Failure?.Message
            ?? "You didn't provide an API key. Send it in an Authorization header as 'Bearer YOUR_API_KEY'.";
        Response.StatusCode = StatusCodes.Status401Unauthorized;
        Response.Headers.WWWAuthenticate = "Bearer";
        await Response.WriteAsJsonAsync(OpenAiError.Of(message, code: "invalid_api_key"), OpenAiJson.Options, Context.RequestAborted);
    }

    protected override async Task HandleForbiddenAsync(AuthenticationProperties properties)
    {
        Response.StatusCode = StatusCodes.Status403Forbidden;
        await Response.WriteAsJsonAsync(OpenAiError.Of("This API key may not use this endpoint."), OpenAiJson.Options, Context.RequestAborted);
    }
}
