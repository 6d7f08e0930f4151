using System.ComponentModel.DataAnnotations;
using System.Text.RegularExpressions;
using AssistantBuilder.Core.Storage;
using AssistantBuilder.Data;
using AssistantBuilder.Jobs;
using AssistantBuilder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Training;

/// <summary>What operators do with jobs (the API and the pages both call this): list, create, cancel, resume, delete.</summary>
public sealed partial class TrainingJobs(IDbContextFactory<AppDbContext> dbs, DataPaths paths, IArtifactStore artifacts, EmbeddedWorkers workers, JobEvents events)
{
    public async Task<IReadOnlyList<JobDto>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var jobs = (await Query(db.TrainingJobs).ToListAsync(ct)).Select(Utc).ToList();
        return WithQueuePositions(jobs).OrderByDescending(j => j.CreatedAt).ToList();
    }

    public async Task<JobDto?> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var job = await Query(db.TrainingJobs.Where(j => j.Id == id)).FirstOrDefaultAsync(ct);
        if (job is null || job.Status != JobStatus.Queued) return job is null ? null : Utc(job);
        var ahead = await db.TrainingJobs.CountAsync(j => j.Status == JobStatus.Queued && j.Device == job.Device && j.CreatedAt < job.CreatedAt, ct);
        return Utc(job) with { QueuePosition = ahead + 1 };
    }

    /// <summary>Field errors for settings out of range, keyed <c>settings.name</c>, each naming the allowed range.</summary>
    public static Dictionary<string, string[]> Validate(TrainingSettings settings)
    {
        var results = new List<ValidationResult>();
        Validator.TryValidateObject(settings, new ValidationContext(settings), results, validateAllProperties: true);
        return results
            .SelectMany(r => r.MemberNames.DefaultIfEmpty("").Select(m => (Key: "settings." + JsonName(m), Message: r.ErrorMessage ?? "invalid")))
            .GroupBy(x => x.Key).ToDictionary(g => g.Key, g => g.Select(x => x.Message).ToArray());
    }

    public async Task<(JobDto? Job, JobError? Error)> CreateAsync(CreateJobRequest request, CancellationToken ct = default)
    {
        var settings = request.Settings ?? new TrainingSettings();
        var fields = Validate(settings);
        string device = string.IsNullOrWhiteSpace(request.Device) ? "cpu" : request.Device.Trim().ToLowerInvariant();
        if (!DevicePattern().IsMatch(device)) fields["device"] = [$"'{request.Device}' is not a device: use cpu, cuda (any GPU), cuda:N or auto (any worker)"];
        string? name = request.Name?.Trim();
        if (name is { Length: > 200 }) fields["name"] = ["the name is longer than 200 characters"];
        if (fields.Count > 0) return (null, new JobError(JobErrorKind.Invalid, "The job's settings are not valid.", fields));

        await using var db = await dbs.CreateDbContextAsync(ct);
        var model = await db.BaseModels.FirstOrDefaultAsync(m => m.Id == request.BaseModelId, ct);
        if (model is null) return (null, new JobError(JobErrorKind.NotFound, $"There is no base model with id {request.BaseModelId}."));
        var dataset = await db.Datasets.FirstOrDefaultAsync(d => d.Id == request.DatasetId, ct);
        if (dataset is null) return (null, new JobError(JobErrorKind.NotFound, $"There is no dataset with id {request.DatasetId}."));

        var id = Guid.NewGuid();
        var job = new TrainingJob
        {
            Id = id, Name = string.IsNullOrEmpty(name) ? $"{dataset.Name} on {model.Name}" : name, BaseModelId = model.Id, DatasetId = dataset.Id,
            Settings = settings, Device = device, OutputDir = paths.ToStored(Path.Combine(paths.Jobs, id.ToString("N"))),
        };
        db.TrainingJobs.Add(job);
        await db.SaveChangesAsync(ct);
        workers.Wake();
        events.Publish(JobProgressDto.From(job));
        return (await GetAsync(id, ct), null);
    }

    public async Task<(JobDto? Job, JobError? Error)> CancelAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var job = await db.TrainingJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return (null, NotFound(id));
        if (job.Status == JobStatus.Queued)
        {
            int cancelled = await db.TrainingJobs.Where(j => j.Id == id && j.Status == JobStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Cancelled).SetProperty(j => j.FinishedAt, DateTime.UtcNow), ct);
            if (cancelled == 1) return await Changed(id, ct);
        }
        int requested = await db.TrainingJobs.Where(j => j.Id == id && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.CancelRequested, true), ct);
        if (requested == 0)
            return (null, new JobError(JobErrorKind.Conflict, $"Job {id} is {(await db.TrainingJobs.Where(j => j.Id == id).Select(j => j.Status).FirstAsync(ct)).ToString().ToLowerInvariant()}: there is nothing to cancel."));
        workers.Cancel(id);
        return await Changed(id, ct);
    }

    public async Task<(JobDto? Job, JobError? Error)> ResumeAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var job = await db.TrainingJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return (null, NotFound(id));
        int resumed = await db.TrainingJobs.Where(j => j.Id == id && (j.Status == JobStatus.Cancelled || j.Status == JobStatus.Failed))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.CancelRequested, false)
                .SetProperty(j => j.Error, (string?)null).SetProperty(j => j.FinishedAt, (DateTime?)null), ct);
        if (resumed == 0)
            return (null, new JobError(JobErrorKind.Conflict, $"Job {id} is {job.Status.ToString().ToLowerInvariant()}: only cancelled or failed jobs can be resumed."));
        workers.Wake();
        return await Changed(id, ct);
    }

    /// <summary>Deletes a job that is not running, with its events and its folder (checkpoints, adapter, log).</summary>
    public async Task<JobError?> DeleteAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var job = await db.TrainingJobs.FirstOrDefaultAsync(j => j.Id == id, ct);
        if (job is null) return NotFound(id);
        if (job.Status == JobStatus.Running || workers.IsRunning(id))
            return new JobError(JobErrorKind.Conflict, $"Job {id} is running: cancel it before deleting it.");
        var used = await db.AdapterVersions.Where(v => v.JobId == id || v.AdapterDir == job.OutputDir).Select(v => v.AssistantId).FirstOrDefaultAsync(ct);
        if (used != Guid.Empty)
            return new JobError(JobErrorKind.Conflict, $"Job {id}'s adapter is a version of assistant {used}: delete that version first.");
        await db.TrainingJobEvents.Where(e => e.JobId == id).ExecuteDeleteAsync(ct);
        await db.TrainingJobs.Where(j => j.Id == id && j.Status != JobStatus.Running).ExecuteDeleteAsync(ct);
        string key = ArtifactFolders.KeyOf(job.OutputDir);
        if (key.StartsWith("jobs/", StringComparison.Ordinal) && ArtifactKey.Problem(key) is null) await artifacts.DeleteAsync(key, CancellationToken.None);
        return null;
    }

    /// <summary>The job's events after <paramref name="after"/> (an event id), oldest first; optionally only some kinds.</summary>
    public async Task<IReadOnlyList<JobEventDto>?> EventsAsync(Guid id, long after = 0, IReadOnlyCollection<string>? kinds = null, int limit = 10_000, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        if (!await db.TrainingJobs.AnyAsync(j => j.Id == id, ct)) return null;
        var query = db.TrainingJobEvents.Where(e => e.JobId == id && e.Id > after);
        if (kinds is { Count: > 0 }) query = query.Where(e => kinds.Contains(e.Kind));
        var rows = await query.OrderBy(e => e.Id).Take(limit).ToListAsync(ct);
        return rows.Select(JobEventDto.From).ToList();
    }

    /// <summary>The end of the job's train.log (at most <paramref name="maxChars"/>); "" before it has run; null for an unknown job.</summary>
    public async Task<string?> LogAsync(Guid id, int maxChars = 256 * 1024, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var dir = await db.TrainingJobs.Where(j => j.Id == id).Select(j => j.OutputDir).FirstOrDefaultAsync(ct);
        if (dir is null) return null;
        await using var stream = await artifacts.OpenFileAsync(dir, JobFolder.LogFile, ct);
        if (stream is null) return "";
        using var reader = new StreamReader(stream);
        string text = await reader.ReadToEndAsync(ct);
        return text.Length <= maxChars ? text : text[^maxChars..];
    }

    async Task<(JobDto?, JobError?)> Changed(Guid id, CancellationToken ct)
    {
        var job = await GetAsync(id, ct);
        if (job is not null) events.Publish(new JobProgressDto(job.Id, job.Status, job.Step, job.TotalSteps, job.TrainLoss, job.EvalLoss,
            job.ElapsedSeconds, job.Attempts, job.CancelRequested, job.Error, job.StartedAt, job.FinishedAt));
        return (job, null);
    }

    static JobError NotFound(Guid id) => new(JobErrorKind.NotFound, $"There is no training job with id {id}.");

    static IQueryable<JobDto> Query(IQueryable<TrainingJob> jobs) => jobs.Select(j => new JobDto(
        j.Id, j.Name, j.BaseModelId, j.BaseModel!.Name, j.DatasetId, j.Dataset!.Name, j.Settings, j.Status, j.Device, null,
        j.CreatedAt, j.StartedAt, j.FinishedAt, j.ElapsedSeconds, j.Attempts, j.Step, j.TotalSteps, j.TrainLoss, j.EvalLoss, j.Error,
        j.CancelRequested, j.OutputDir));

    static JobDto Utc(JobDto j) => j with
    {
        CreatedAt = DateTime.SpecifyKind(j.CreatedAt, DateTimeKind.Utc), StartedAt = JobProgressDto.Utc(j.StartedAt), FinishedAt = JobProgressDto.Utc(j.FinishedAt),
    };

    static IEnumerable<JobDto> WithQueuePositions(List<JobDto> jobs)
    {
        var positions = jobs.Where(j => j.Status == JobStatus.Queued).GroupBy(j => j.Device)
            .SelectMany(g => g.OrderBy(j => j.CreatedAt).Select((j, i) => (j.Id, Position: i + 1)))
            .ToDictionary(x => x.Id, x => x.Position);
        return jobs.Select(j => positions.TryGetValue(j.Id, out int p) ? j with { QueuePosition = p } : j);
    }

    static string JsonName(string member) => member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];

    [GeneratedRegex("^(cpu|auto|cuda(:[0-9]+)?)$")]
    private static partial Regex DevicePattern();
}
