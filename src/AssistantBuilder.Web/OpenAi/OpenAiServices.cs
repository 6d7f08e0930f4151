using AssistantBuilder.Web.Serving;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistantBuilder.Web.OpenAi;

public static class OpenAiServices
{
    /// <summary>API keys, the "ApiKey" authentication scheme and the policy the /v1 group requires (instead of the operators' cookie).</summary>
    public static WebApplicationBuilder AddOpenAiApi(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ApiKeyStore>();
        builder.Services.AddSingleton<AssistantModels>();
        builder.Services.TryAddSingleton<ConversationRecorder>();
        builder.Services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, ApiKeyAuthentication>(ApiKeyAuthentication.SchemeName, null);
        builder.Services.AddAuthorizationBuilder().AddPolicy(ApiKeyAuthentication.Policy, p => p
            .AddAuthenticationSchemes(ApiKeyAuthentication.SchemeName).RequireAuthenticatedUser());
        return builder;
    }
}
