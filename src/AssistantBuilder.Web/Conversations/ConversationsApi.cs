using AssistantBuilder.Web.Datasets;
using Microsoft.AspNetCore.Http.HttpResults;

namespace AssistantBuilder.Web.Conversations;

/// <summary>Operators read an assistant's stored conversations, correct bad answers and turn feedback into a dataset.</summary>
public static class ConversationsApi
{
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Conversations");
        api.MapGet("/assistants/{id:guid}/conversations", (Guid id, ConversationStore store, CancellationToken ct) =>
                Run(async () => TypedResults.Ok(await store.ListAsync(id, ct))))
            .WithSummary("The assistant's stored conversations with messages, newest first: channel, origin, times, message count, ratings, corrections.");
        api.MapGet("/conversations/{id:guid}", (Guid id, ConversationStore store, CancellationToken ct) =>
                Run(async () => TypedResults.Ok(await store.GetAsync(id, ct))))
            .WithSummary("One stored conversation with every message, its rating, comment and correction.");
        api.MapPut("/conversations/{id:guid}/messages/{index:int}/correction", (Guid id, int index, CorrectionInput input, ConversationStore store, CancellationToken ct) =>
                Run(async () => TypedResults.Ok(await store.CorrectAsync(id, index, input.Correction, ct))))
            .WithSummary("Sets an operator's better answer for an assistant message (empty text removes it); the feedback dataset uses it instead.");
        api.MapPost("/assistants/{id:guid}/feedback-dataset", (Guid id, FeedbackDatasets feedback, CancellationToken ct) =>
                Run(async () => { var r = await feedback.BuildAsync(id, ct); return TypedResults.Created($"/api/datasets/{r.Dataset.Id}", r); }))
            .WithSummary("Turns the answers rated up and the operator's corrections into a new dataset (OpenAI chat JSONL), ready to fine-tune on (fineTuneUrl).");
        return app;
    }

    static async Task<Results<T, ProblemHttpResult>> Run<T>(Func<Task<T>> action) where T : IResult
    {
        try { return await action(); }
        catch (ConversationRequestException ex) { return TypedResults.Problem(ex.Message, statusCode: ex.Status); }
        catch (DatasetProblem ex) { return TypedResults.Problem(ex.Message, statusCode: ex.Status); }
    }
}
