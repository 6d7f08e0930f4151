using Microsoft.AspNetCore.Http.HttpResults;

namespace AssistantBuilder.Web.Assistants;

/// <summary>
/// The assistants API: an assistant is a base model + a promoted adapter version (or none) + system prompt +
/// generation settings + widget settings. Versions come from completed training jobs and can be promoted and rolled back.
/// </summary>
public static class AssistantsApi
{
    public static IEndpointRouteBuilder MapAssistantsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/assistants").WithTags("Assistants");
        api.MapGet("/", async (AssistantStore store, CancellationToken ct) => TypedResults.Ok(await store.ListAsync(ct)))
            .WithSummary("Every assistant with its base model, versions and the live version.");
        api.MapPost("/", (AssistantInput input, AssistantStore store, CancellationToken ct) =>
                Run(async () => { var a = await store.CreateAsync(input, ct); return TypedResults.Created($"/api/assistants/{a.Id}", a); }))
            .WithSummary("Creates an assistant (name and baseModelId required; settings default). A jobId starts it with that completed job's adapter as version 1, live.");
        api.MapGet("/{id:guid}", (Guid id, AssistantStore store, CancellationToken ct) => Run(async () => TypedResults.Ok(await store.GetAsync(id, ct))))
            .WithSummary("One assistant with its versions.");
        api.MapPut("/{id:guid}", (Guid id, AssistantInput input, AssistantStore store, CancellationToken ct) =>
                Run(async () => TypedResults.Ok(await store.UpdateAsync(id, input, ct))))
            .WithSummary("Updates name, base model (only while it has no versions), system prompt, generation and widget settings; fields left out stay.");
        api.MapDelete("/{id:guid}", (Guid id, AssistantStore store, CancellationToken ct) =>
                Run(async () => { await store.DeleteAsync(id, ct); return TypedResults.NoContent(); }))
            .WithSummary("Deletes an assistant and its version list (the training jobs' adapters stay).");
        api.MapGet("/{id:guid}/jobs", (Guid id, AssistantStore store, CancellationToken ct) =>
                Run(async () => { var a = await store.GetAsync(id, ct); return TypedResults.Ok(await store.CompletedJobsAsync(a.BaseModelId, id, ct)); }))
            .WithSummary("Completed training jobs on the assistant's base model that could become versions, each with why not when it cannot.");
        api.MapPost("/{id:guid}/versions", (Guid id, VersionInput input, AssistantStore store, CancellationToken ct) =>
                Run(async () => { var v = await store.AddVersionAsync(id, input, ct); return TypedResults.Created($"/api/assistants/{id}/versions/{v.Id}", v); }))
            .WithSummary("Adds the next version from a completed training job on the same base model (not promoted).");
        api.MapPost("/{id:guid}/versions/{versionId:guid}/promote", (Guid id, Guid versionId, AssistantStore store, CancellationToken ct) =>
                Run(async () => TypedResults.Ok(await store.PromoteAsync(id, versionId, ct))))
            .WithSummary("Makes this version the one served.");
        api.MapPost("/{id:guid}/rollback", (Guid id, AssistantStore store, CancellationToken ct) => Run(async () => TypedResults.Ok(await store.RollbackAsync(id, ct))))
            .WithSummary("Promotes the version numbered just below the live one.");
        api.MapPost("/{id:guid}/unpromote", (Guid id, AssistantStore store, CancellationToken ct) => Run(async () => TypedResults.Ok(await store.UnpromoteAsync(id, ct))))
            .WithSummary("Serves the base model alone (with the system prompt), keeping the versions.");
        return app;
    }

    static async Task<Results<T, ValidationProblem, ProblemHttpResult>> Run<T>(Func<Task<T>> action) where T : IResult
    {
        try { return await action(); }
        catch (AssistantRequestException ex) when (ex.Errors is not null) { return TypedResults.ValidationProblem(ex.Errors, ex.Message); }
        catch (AssistantRequestException ex) { return TypedResults.Problem(ex.Message, statusCode: ex.Status); }
    }
}
