using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace AssistantBuilder.Web.Training;

/// <summary>The fine-tuning jobs API (queue a job, follow it, cancel, resume, delete), the workers list and the live progress hub.</summary>
public static class JobsApi
{
    public static IEndpointRouteBuilder MapJobsApi(this IEndpointRouteBuilder app)
    {
        var jobs = app.MapGroup("/api/jobs").WithTags("Fine-tuning jobs");

        jobs.MapGet("/", async (TrainingJobs service, CancellationToken ct) => TypedResults.Ok(await service.ListAsync(ct)))
            .WithSummary("All jobs, newest first; queued ones with their position in their device's queue (1 runs next).");

        jobs.MapPost("/", async Task<Results<Created<JobDto>, ValidationProblem, ProblemHttpResult>> (CreateJobRequest request, TrainingJobs service, CancellationToken ct) =>
        {
            var (job, error) = await service.CreateAsync(request, ct);
            if (error is { Kind: JobErrorKind.Invalid }) return TypedResults.ValidationProblem(error.Fields!, detail: error.Message);
            if (error is not null) return NotFound(error);
            return TypedResults.Created($"/api/jobs/{job!.Id}", job);
        }).WithSummary("Queue a LoRA fine-tune of a base model on a dataset. Settings left out take their defaults; a null learning rate lets the trainer pick the model's.");

        jobs.MapGet("/{id:guid}", async Task<Results<Ok<JobDto>, ProblemHttpResult>> (Guid id, TrainingJobs service, CancellationToken ct) =>
            await service.GetAsync(id, ct) is { } job ? TypedResults.Ok(job) : NotFound(id))
            .WithSummary("One job: status, progress, losses, elapsed time, error.");

        jobs.MapGet("/{id:guid}/events", async Task<Results<Ok<IReadOnlyList<JobEventDto>>, ProblemHttpResult>> (Guid id, TrainingJobs service,
            long? after, string? kind, int? limit, CancellationToken ct) =>
        {
            var kinds = kind?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var events = await service.EventsAsync(id, after ?? 0, kinds, Math.Clamp(limit ?? 10_000, 1, 100_000), ct);
            return events is null ? NotFound(id) : TypedResults.Ok(events);
        }).WithSummary("The job's events after an event id (data, step, eval, checkpoint, done and log; kind=step,eval filters), oldest first.");

        jobs.MapGet("/{id:guid}/log", async Task<Results<ContentHttpResult, ProblemHttpResult>> (Guid id, TrainingJobs service, CancellationToken ct) =>
            await service.LogAsync(id, ct: ct) is { } log ? TypedResults.Text(log, "text/plain; charset=utf-8") : NotFound(id))
            .WithSummary("The end of the job's train.log (plain text).");

        jobs.MapPost("/{id:guid}/cancel", async Task<Results<Ok<JobDto>, ProblemHttpResult>> (Guid id, TrainingJobs service, CancellationToken ct) =>
            Answer(await service.CancelAsync(id, ct)))
            .WithSummary("Cancel a job: a queued one leaves the queue; a running one writes a checkpoint and stops (Cancelled; resume continues it).");

        jobs.MapPost("/{id:guid}/resume", async Task<Results<Ok<JobDto>, ProblemHttpResult>> (Guid id, TrainingJobs service, CancellationToken ct) =>
            Answer(await service.ResumeAsync(id, ct)))
            .WithSummary("Queue a cancelled or failed job again; it continues from its last checkpoint.");

        jobs.MapDelete("/{id:guid}", async Task<Results<NoContent, ProblemHttpResult>> (Guid id, TrainingJobs service, CancellationToken ct) =>
            await service.DeleteAsync(id, ct) switch
            {
                null => TypedResults.NoContent(),
                { Kind: JobErrorKind.NotFound } e => NotFound(e),
                var e => Conflict(e),
            })
            .WithSummary("Delete a job that is not running, with its checkpoints, adapter and log.");

        app.MapGet("/api/workers", async (TrainingWorkers workers, CancellationToken ct) => TypedResults.Ok(await workers.ListAsync(ct: ct)))
            .WithTags("Fine-tuning jobs")
            .WithSummary("The training workers sharing the queue (running ones, then the 20 most recently stopped): device, memory, state (training, idle, silent, stopped) and current job.");

        app.MapHub<TrainingHub>(TrainingHub.Path);
        return app;
    }

    static Results<Ok<JobDto>, ProblemHttpResult> Answer((JobDto? Job, JobError? Error) r) => r.Error switch
    {
        null => TypedResults.Ok(r.Job!),
        { Kind: JobErrorKind.NotFound } e => NotFound(e),
        var e => Conflict(e),
    };

    static ProblemHttpResult NotFound(Guid id) => NotFound(new JobError(JobErrorKind.NotFound, $"There is no training job with id {id}."));

    static ProblemHttpResult NotFound(JobError e) =>
        TypedResults.Problem(e.Message, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    static ProblemHttpResult Conflict(JobError e) =>
        TypedResults.Problem(e.Message, statusCode: StatusCodes.Status409Conflict, title: "Conflict");
}
