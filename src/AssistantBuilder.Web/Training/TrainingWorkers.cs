using AssistantBuilder.Data;
using AssistantBuilder.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantBuilder.Web.Training;

/// <summary>The workers that share the queue (every web node's embedded ones and the <c>ab worker</c>s), for the API and the workers page.</summary>
public sealed class TrainingWorkers(IDbContextFactory<AppDbContext> dbs, IOptions<TrainingOptions> options, TimeProvider clock)
{
    /// <summary>Workers still running and the <paramref name="stoppedToo"/> most recently stopped ones; running first, then by name.</summary>
    public async Task<IReadOnlyList<WorkerDto>> ListAsync(int stoppedToo = 20, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var active = await db.Workers.AsNoTracking().Where(w => w.StoppedAt == null).ToListAsync(ct);
        var stopped = await db.Workers.AsNoTracking().Where(w => w.StoppedAt != null).OrderByDescending(w => w.StoppedAt).Take(stoppedToo).ToListAsync(ct);
        var ids = active.Select(w => (Guid?)w.Id).ToList();
        var jobs = await db.TrainingJobs.AsNoTracking().Where(j => j.Status == JobStatus.Running && ids.Contains(j.LeaseOwner))
            .Select(j => new { j.Id, j.Name, j.LeaseOwner }).ToListAsync(ct);
        var silentBefore = clock.GetUtcNow().UtcDateTime - TimeSpan.FromSeconds(2 * Math.Max(1, options.Value.LeaseSeconds));
        return active.Concat(stopped).Select(w =>
        {
            var job = jobs.FirstOrDefault(j => j.LeaseOwner == w.Id);
            string state = w.StoppedAt is not null ? "stopped" : Utc(w.LastSeenAt) < silentBefore ? "silent" : job is not null ? "training" : "idle";
            return new WorkerDto(w.Id, w.Name, w.Host, w.Pid, w.DeviceKind, w.Device, w.MemoryBytes, w.Embedded, Utc(w.StartedAt), Utc(w.LastSeenAt),
                w.StoppedAt is { } s ? Utc(s) : null, state, job?.Id, job?.Name);
        }).OrderBy(w => w.StoppedAt is null ? 0 : 1).ThenBy(w => w.Name, StringComparer.OrdinalIgnoreCase).ToList();
    }

    static DateTime Utc(DateTime t) => DateTime.SpecifyKind(t, DateTimeKind.Utc);
}
