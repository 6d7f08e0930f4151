using AssistantBuilder.Core.Comparison;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AssistantBuilder.Web.Compare;

/// <summary>
/// /api/compare: side-by-side answers and blind votes with win rates; /api/evaluations: held-out evaluations
/// (start, list, status and report, CSV and JSON export).
/// </summary>
public static class CompareApi
{
    public static WebApplication MapCompareApi(this WebApplication app)
    {
        var compare = app.MapGroup("/api/compare").WithTags("Compare");
        compare.MapGet("/config", (CompareSetup setup) => TypedResults.Ok(new { externalConfigured = setup.ExternalConfigured }))
            .WithSummary("Whether an external OpenAI-compatible contestant is configured (Compare:External).");
        compare.MapPost("/answers", AnswersAsync)
            .WithSummary("One question answered by the assistant's live version (fine-tuned), the prompted base model (system prompt + k few-shot examples from a dataset) and optionally an external model, concurrently, with latency and token counts.");
        compare.MapPost("/votes", VoteAsync)
            .WithSummary("Store a blind vote (choice A, B, C, tie or both-bad over the contestants in the order shown) against the assistant's live version; returns the new win rates.");
        compare.MapGet("/votes/{assistantId:guid}", VotesAsync)
            .WithSummary("Win rates (with 95% Wilson intervals) of the votes on the assistant's live version, or on ?versionId=.");

        var evaluations = app.MapGroup("/api/evaluations").WithTags("Evaluations");
        evaluations.MapPost("/", StartAsync)
            .WithSummary("Start a held-out evaluation of an assistant on an uploaded eval dataset in the background (one at a time: 409 while one runs).");
        evaluations.MapGet("/", (EvaluationRunner runner) => TypedResults.Ok(runner.List())).WithSummary("Evaluations, newest first (without reports).");
        evaluations.MapGet("/{id:guid}", Get).WithSummary("An evaluation's state and progress, and its report once done.");
        evaluations.MapGet("/{id:guid}.json", ExportJson).WithSummary("The report as JSON (404 until done).");
        evaluations.MapGet("/{id:guid}.csv", ExportCsv).WithSummary("The report as CSV, one row per example and contestant (404 until done).");
        return app;
    }

    static async Task<Results<Ok<IReadOnlyList<ContestantReply>>, ValidationProblem, NotFound<ProblemDetails>>> AnswersAsync(
        AnswersInput input, CompareSetup setup, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(input.Question)) return Invalid("question", "the question is empty");
        try
        {
            var lineup = await setup.LineupAsync(input.AssistantId, input.ExamplesDatasetId, input.FewShot, input.IncludeExternal, input.External, null, ct);
            var conversation = new[] { new Microsoft.Extensions.AI.ChatMessage(Microsoft.Extensions.AI.ChatRole.User, input.Question.Trim()) };
            var replies = await Task.WhenAll(lineup.Contestants.Select(c => AnswerAsync(c, conversation, ct)));
            return TypedResults.Ok<IReadOnlyList<ContestantReply>>(replies);
        }
        catch (CompareRequestException ex) when (ex.NotFound) { return TypedResults.NotFound(Problem(404, ex.Message)); }
        catch (CompareRequestException ex) { return Invalid(ex.Field, ex.Message); }
    }

    static async Task<ContestantReply> AnswerAsync(Contestant c, IReadOnlyList<Microsoft.Extensions.AI.ChatMessage> conversation, CancellationToken ct)
    {
        var text = new System.Text.StringBuilder();
        try
        {
            AnswerStats? stats = null;
            await foreach (var u in c.StreamAsync(conversation, ct)) { text.Append(u.Text); stats ??= u.Final; }
            return new ContestantReply(c.Name, c.Kind.ToString(), text.ToString(), stats, null);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            return new ContestantReply(c.Name, c.Kind.ToString(), text.ToString(), null, ex.Message);
        }
    }

    static async Task<Results<Ok<VoteSummary>, ValidationProblem, NotFound<ProblemDetails>>> VoteAsync(VoteInput vote, IVoteRecorder votes, CancellationToken ct)
    {
        try { return TypedResults.Ok(await votes.RecordAsync(vote, ct)); }
        catch (CompareRequestException ex) when (ex.NotFound) { return TypedResults.NotFound(Problem(404, ex.Message)); }
        catch (CompareRequestException ex) { return Invalid(ex.Field, ex.Message); }
    }

    static async Task<Results<Ok<VoteSummary>, ValidationProblem, NotFound<ProblemDetails>>> VotesAsync(Guid assistantId, Guid? versionId, IVoteRecorder votes, CancellationToken ct)
    {
        try { return TypedResults.Ok(await votes.SummaryAsync(assistantId, versionId, ct)); }
        catch (CompareRequestException ex) when (ex.NotFound) { return TypedResults.NotFound(Problem(404, ex.Message)); }
        catch (CompareRequestException ex) { return Invalid(ex.Field, ex.Message); }
    }

    static async Task<Results<Accepted<EvaluationRun>, ValidationProblem, NotFound<ProblemDetails>, Conflict<ProblemDetails>>> StartAsync(
        EvaluationInput input, EvaluationRunner runner, CancellationToken ct)
    {
        try
        {
            var run = await runner.StartAsync(input, ct);
            return TypedResults.Accepted($"/api/evaluations/{run.Id}", run);
        }
        catch (CompareRequestException ex) when (ex.NotFound) { return TypedResults.NotFound(Problem(404, ex.Message)); }
        catch (CompareRequestException ex) { return Invalid(ex.Field, ex.Message); }
        catch (InvalidOperationException ex) { return TypedResults.Conflict(Problem(409, ex.Message)); }
    }

    static Results<Ok<EvaluationRun>, NotFound<ProblemDetails>> Get(Guid id, EvaluationRunner runner) =>
        runner.Find(id) is { } run ? TypedResults.Ok(run) : TypedResults.NotFound(Problem(404, $"evaluation {id} not found"));

    static Results<ContentHttpResult, NotFound<ProblemDetails>> ExportJson(Guid id, EvaluationRunner runner) =>
        runner.Find(id) is { Report: { } report } ? TypedResults.Content(EvaluationRunner.ToJson(report), "application/json")
            : TypedResults.NotFound(Problem(404, $"evaluation {id} not found or not finished"));

    static Results<FileContentHttpResult, NotFound<ProblemDetails>> ExportCsv(Guid id, EvaluationRunner runner) =>
        runner.Find(id) is { Report: { } report }
            ? TypedResults.File(System.Text.Encoding.UTF8.GetBytes(EvaluationCsv.ToString(report)), "text/csv; charset=utf-8", $"evaluation-{id:N}.csv")
            : TypedResults.NotFound(Problem(404, $"evaluation {id} not found or not finished"));

    static ValidationProblem Invalid(string field, string message) => TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    static ProblemDetails Problem(int status, string detail) => new() { Status = status, Detail = detail, Title = status == 404 ? "Not found" : "Conflict" };
}
