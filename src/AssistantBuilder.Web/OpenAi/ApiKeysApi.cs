using Microsoft.AspNetCore.Http.HttpResults;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>/api/api-keys: operators create, list and revoke the bearer keys of the OpenAI-compatible API.</summary>
public static class ApiKeysApi
{
    public static IEndpointRouteBuilder MapApiKeysApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/api-keys").WithTags("API keys");
        api.MapGet("/", async (ApiKeyStore keys, CancellationToken ct) => TypedResults.Ok(await keys.ListAsync(ct)))
            .WithSummary("Every API key (name, prefix, created, last used, revoked); never the keys themselves.");
        api.MapPost("/", async Task<Results<Created<CreatedApiKey>, ValidationProblem>> (ApiKeyInput input, ApiKeyStore keys, CancellationToken ct) =>
            {
                var (key, problem) = await keys.CreateAsync(input.Name, ct);
                return key is null
                    ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["name"] = [problem!] })
                    : TypedResults.Created($"/api/api-keys/{key.Id}", key);
            })
            .WithSummary("Creates a key for /v1. The answer holds the whole key: it is shown this once and only its hash is kept.");
        api.MapPost("/{id:guid}/revoke", async Task<Results<Ok<ApiKeyView>, ProblemHttpResult>> (Guid id, ApiKeyStore keys, CancellationToken ct) =>
                await keys.RevokeAsync(id, ct) is { } view ? TypedResults.Ok(view) : TypedResults.Problem($"No API key with id {id}.", statusCode: 404))
            .WithSummary("Revokes a key at once; it stays listed as revoked.");
        return app;
    }
}
