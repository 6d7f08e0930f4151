using AssistantBuilder.Web.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AssistantBuilder.Web.Widget;

/// <summary>The widget's hub (anonymous, gated by key and origin) and the operators' widget-key API.</summary>
public static class WidgetApi
{
    public static IEndpointRouteBuilder MapWidgetApi(this IEndpointRouteBuilder app)
    {
        app.MapHub<WidgetHub>(WidgetHub.Path).AllowAnonymous();

        var api = app.MapGroup("/api/assistants/{id:guid}/widget-keys").WithTags("Widget");
        api.MapGet("/", (Guid id, WidgetKeyStore keys, CancellationToken ct) => Run(async () => TypedResults.Ok(await keys.ListAsync(id, ct))))
            .WithSummary("The assistant's public widget keys, live ones first.");
        api.MapPost("/", (Guid id, WidgetKeyInput? input, WidgetKeyStore keys, CancellationToken ct) =>
                Run(async () => { var k = await keys.CreateAsync(id, input?.Label, ct); return TypedResults.Created($"/api/assistants/{id}/widget-keys/{k.Id}", k); }))
            .WithSummary("Creates a public widget key for the assistant's script tag (data-key); an optional label says where it is used.");
        api.MapDelete("/{keyId:guid}", (Guid id, Guid keyId, WidgetKeyStore keys, CancellationToken ct) =>
                Run(async () => TypedResults.Ok(await keys.RevokeAsync(id, keyId, ct))))
            .WithSummary("Revokes a widget key: the widget refuses it from the next message on.");
        return app;
    }

    internal static async Task<Results<T, ProblemHttpResult>> Run<T>(Func<Task<T>> action) where T : IResult
    {
        try { return await action(); }
        catch (ConversationRequestException ex) { return TypedResults.Problem(ex.Message, statusCode: ex.Status); }
    }
}
