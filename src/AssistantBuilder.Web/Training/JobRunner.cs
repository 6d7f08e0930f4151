using System.Collections.Concurrent;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantBuilder.Web.Training;

/// <summary>
/// Runs training jobs as <c>ab train</c> child processes: one queue per device, one job at a time per device, oldest
/// first. On start, jobs the app was running when it died go back to the queue and resume from their last checkpoint.
/// On shutdown the children are told to stop (their standard input closes, as when this process is killed) and the
/// jobs stay Running in the database, so that the next start resumes them the same way.
/// </summary>
public sealed class JobRunner(IDbContextFactory<AppDbContext> dbs, DataPaths paths, JobEvents events, IOptions<TrainingOptions> options,
    ILogger<JobRunner> log) : BackgroundService
{
    readonly SemaphoreSlim _wake = new(0, 1);
    readonly ConcurrentDictionary<string, JobAttempt> _running = new(); // device → the job running there
    readonly List<Task> _attempts = [];

    /// <summary>Look at the queue now (a job was queued, resumed or cancelled).</summary>
    public void Wake()
    {
        try { _wake.Release(); } catch (SemaphoreFullException) { } // already woken
    }

    /// <summary>Asks the job's trainer to stop (SIGTERM: it writes a checkpoint and exits); false when it is not running here.</summary>
    public bool Cancel(Guid jobId)
    {
        var attempt = _running.Values.FirstOrDefault(a => a.JobId == jobId);
        attempt?.RequestCancel();
        return attempt is not null;
    }

    public bool IsRunning(Guid jobId) => _running.Values.Any(a => a.JobId == jobId);

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        try
        {
            await RecoverAsync();
            while (!stopping.IsCancellationRequested)
            {
                await DispatchAsync(stopping);
                await _wake.WaitAsync(TimeSpan.FromSeconds(5), stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        Task[] attempts;
        lock (_attempts) attempts = [.. _attempts];
        await Task.WhenAll(attempts);
    }

    async Task RecoverAsync()
    {
        await using var db = await dbs.CreateDbContextAsync();
        var interrupted = await db.TrainingJobs.Where(j => j.Status == JobStatus.Running).ToListAsync();
        foreach (var job in interrupted)
        {
            bool cancelled = job.CancelRequested;
            job.Status = cancelled ? JobStatus.Cancelled : JobStatus.Queued;
            if (cancelled) (job.FinishedAt, job.CancelRequested) = (DateTime.UtcNow, false);
            var line = TrainerLine.Log(cancelled
                ? "the app stopped while this job was being cancelled; it stays cancelled (resume continues from its last checkpoint)"
                : "the app stopped while this job was running; it is queued again and resumes from its last checkpoint");
            db.TrainingJobEvents.Add(new TrainingJobEvent { JobId = job.Id, Kind = line.Kind, Json = line.Json, Step = job.Step });
            try
            {
                string dir = paths.Resolve(job.OutputDir);
                if (Directory.Exists(dir)) File.AppendAllText(Path.Combine(dir, JobFolder.LogFile), $"{DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} {line.Describe()}{Environment.NewLine}");
            }
            catch (IOException) { } // the log is a convenience; the event is what counts
            log.LogInformation("Training job {Job} was interrupted by a restart; {What}", job.Id, cancelled ? "marked cancelled" : "queued to resume");
        }
        await db.SaveChangesAsync();
        foreach (var job in interrupted) events.Publish(JobProgressDto.From(job));
    }

    async Task DispatchAsync(CancellationToken stopping)
    {
        await using var db = await dbs.CreateDbContextAsync(stopping);
        var queued = await db.TrainingJobs.Where(j => j.Status == JobStatus.Queued)
            .OrderBy(j => j.CreatedAt).Select(j => new { j.Id, j.Device }).ToListAsync(stopping);
        foreach (var next in queued.GroupBy(j => j.Device).Select(g => g.First()))
        {
            var attempt = new JobAttempt(next.Id, next.Device, dbs, paths, events, options.Value, log);
            if (!_running.TryAdd(next.Device, attempt)) continue; // the device is busy
            int claimed = await db.TrainingJobs.Where(j => j.Id == next.Id && j.Status == JobStatus.Queued)
                .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Running), stopping);
            if (claimed == 0)
            {
                _running.TryRemove(next.Device, out _); // cancelled or deleted meanwhile
                continue;
            }
            var task = Task.Run(async () =>
            {
                try { await attempt.RunAsync(stopping); }
                catch (Exception ex) when (!stopping.IsCancellationRequested) { log.LogError(ex, "Training job {Job} failed in the runner", next.Id); }
                catch (Exception) { } // shutting down: the job stays Running and resumes on the next start
                finally
                {
                    _running.TryRemove(next.Device, out _);
                    Wake();
                }
            }, CancellationToken.None);
            lock (_attempts)
            {
                _attempts.RemoveAll(t => t.IsCompleted);
                _attempts.Add(task);
            }
        }
    }
}
