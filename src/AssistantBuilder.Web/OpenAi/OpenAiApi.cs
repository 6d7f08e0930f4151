namespace AssistantBuilder.Web.OpenAi;

/// <summary>
/// The OpenAI-compatible API under /v1, for OpenAI's SDKs, Semantic Kernel and other clients: the assistants as
/// models, and chat completions. Bearer API keys only (the "ApiKey" scheme); operators' cookies do not count here.
/// </summary>
public static class OpenAiApi
{
    public static IEndpointRouteBuilder MapOpenAiApi(this IEndpointRouteBuilder app)
    {
        app.MapApiKeysApi();
        var v1 = app.MapGroup("/v1").WithTags("OpenAI-compatible API").RequireAuthorization(ApiKeyAuthentication.Policy);
        v1.MapGet("/models", async (AssistantModels models, CancellationToken ct) => TypedResults.Json(await models.ListAsync(ct), OpenAiJson.Options))
            .WithSummary("The assistants as models (id = the assistant's name; its GUID is accepted too).")
            .Produces<ModelList>();
        v1.MapPost("/chat/completions", ChatCompletionsEndpoint.HandleAsync)
            .WithSummary("A chat completion from an assistant: whole, or streamed as server-sent chat.completion.chunk events ending with data: [DONE].")
            .Accepts<ChatCompletionRequest>("application/json")
            .Produces<ChatCompletion>(contentType: "application/json")
            .Produces<ChatCompletionChunk>(contentType: "text/event-stream")
            .Produces<OpenAiError>(StatusCodes.Status400BadRequest)
            .Produces<OpenAiError>(StatusCodes.Status401Unauthorized)
            .Produces<OpenAiError>(StatusCodes.Status404NotFound);
        return app;
    }
}
