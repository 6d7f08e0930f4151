using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Jobs;

/// <summary>
/// The training queue in the database, shared by every worker: a worker claims the oldest job that fits its device,
/// either Queued or Running under a lease that has expired (its worker died), and holds it by renewing the lease.
/// Claims are atomic: on PostgreSQL the candidate row is locked with <c>FOR UPDATE SKIP LOCKED</c> (so racing workers
/// skip to the next job instead of waiting), on SQLite (one writer at a time) a conditional UPDATE takes a row only if
/// it is still claimable. Times are UTC from the workers' clocks (keep them in sync, e.g. NTP; leases are tens of seconds).
/// </summary>
public sealed class JobQueue(IDbContextFactory<AppDbContext> dbs, TimeProvider? clock = null)
{
    readonly TimeProvider _clock = clock ?? TimeProvider.System;

    DateTime Now => _clock.GetUtcNow().UtcDateTime;

    /// <summary>
    /// Claims the oldest claimable job that <paramref name="device"/> fits (its device, and <paramref name="fits"/>, e.g.
    /// <see cref="JobMemory.FitsAsync"/>, given the job with its base model); null when there is none.
    /// </summary>
    public async Task<JobClaim?> ClaimAsync(Guid workerId, WorkerDevice device, TimeSpan lease, CancellationToken ct = default, Func<TrainingJob, Task<bool>>? fits = null)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var devices = device.AcceptedJobDevices.ToList();
        var now = Now;
        var candidates = new List<TrainingJob>();
        foreach (var job in await Claimable(db.TrainingJobs, devices, now).OrderBy(j => j.CreatedAt).Include(j => j.BaseModel).AsNoTracking().Take(16).ToListAsync(ct))
            if (fits is null || await fits(job)) candidates.Add(job);
        if (candidates.Count == 0) return null;
        if (IsPostgres(db)) return await ClaimLockedAsync(db, workerId, devices, candidates.Select(c => c.Id).ToArray(), lease, ct);
        foreach (var c in candidates)
        {
            if (await TakeAsync(db, c.Id, workerId, devices, now, lease, ct)) return new JobClaim(c.Id, c.Status == JobStatus.Running, c.LeaseOwner);
        }
        return null;
    }

    async Task<JobClaim?> ClaimLockedAsync(AppDbContext db, Guid workerId, List<string> devices, Guid[] fitting, TimeSpan lease, CancellationToken ct)
    {
        var entity = db.Model.FindEntityType(typeof(TrainingJob))!;
        string table = entity.GetTableName()!;
        string Column(string property) => "\"" + entity.FindProperty(property)!.GetColumnName() + "\"";
        var now = Now;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        string sql = $"SELECT {Column(nameof(TrainingJob.Id))} AS \"Value\" FROM \"{table}\" WHERE {Column(nameof(TrainingJob.Device))} = ANY({{0}}) AND " +
            $"({Column(nameof(TrainingJob.Status))} = {{1}} OR ({Column(nameof(TrainingJob.Status))} = {{2}} AND " +
            $"({Column(nameof(TrainingJob.LeaseExpiresAt))} IS NULL OR {Column(nameof(TrainingJob.LeaseExpiresAt))} < {{3}}))) " +
            $"AND {Column(nameof(TrainingJob.Id))} = ANY({{4}}) " +
            $"ORDER BY {Column(nameof(TrainingJob.CreatedAt))} LIMIT 1 FOR UPDATE SKIP LOCKED";
        var ids = await db.Database.SqlQueryRaw<Guid>(sql, devices.ToArray(), nameof(JobStatus.Queued), nameof(JobStatus.Running), now, fitting).ToListAsync(ct);
        if (ids.Count == 0) return null;
        var before = await db.TrainingJobs.Where(j => j.Id == ids[0]).Select(j => new { j.Status, j.LeaseOwner }).FirstAsync(ct);
        bool taken = await TakeAsync(db, ids[0], workerId, devices, now, lease, ct);
        await tx.CommitAsync(ct);
        return taken ? new JobClaim(ids[0], before.Status == JobStatus.Running, before.LeaseOwner) : null;
    }

    static IQueryable<TrainingJob> Claimable(IQueryable<TrainingJob> jobs, List<string> devices, DateTime now) =>
        jobs.Where(j => devices.Contains(j.Device) &&
            (j.Status == JobStatus.Queued || (j.Status == JobStatus.Running && (j.LeaseExpiresAt == null || j.LeaseExpiresAt < now))));

    static async Task<bool> TakeAsync(AppDbContext db, Guid jobId, Guid workerId, List<string> devices, DateTime now, TimeSpan lease, CancellationToken ct) =>
        await Claimable(db.TrainingJobs.Where(j => j.Id == jobId), devices, now).ExecuteUpdateAsync(s => s
            .SetProperty(j => j.Status, JobStatus.Running)
            .SetProperty(j => j.LeaseOwner, workerId)
            .SetProperty(j => j.LeaseExpiresAt, now + lease), ct) == 1;

    /// <summary>Extends the lease if <paramref name="workerId"/> still holds it, and says whether the job should be cancelled.</summary>
    public async Task<LeaseRenewal> RenewAsync(Guid jobId, Guid workerId, TimeSpan lease, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = Now;
        int renewed = await db.TrainingJobs.Where(j => j.Id == jobId && j.LeaseOwner == workerId && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, now + lease), ct);
        await db.Workers.Where(w => w.Id == workerId).ExecuteUpdateAsync(s => s.SetProperty(w => w.LastSeenAt, now), ct);
        if (renewed == 0) return new LeaseRenewal(false, false);
        bool cancel = await db.TrainingJobs.Where(j => j.Id == jobId).Select(j => j.CancelRequested).FirstOrDefaultAsync(ct);
        return new LeaseRenewal(true, cancel);
    }

    /// <summary>Puts a job this worker still holds back in the queue (its attempt ended without recording how, e.g. the worker stopped while starting it).</summary>
    public async Task<bool> ReleaseIfHeldAsync(Guid jobId, Guid workerId)
    {
        await using var db = await dbs.CreateDbContextAsync();
        return await db.TrainingJobs.Where(j => j.Id == jobId && j.LeaseOwner == workerId && j.Status == JobStatus.Running)
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.Status, JobStatus.Queued).SetProperty(j => j.LeaseOwner, (Guid?)null)
                .SetProperty(j => j.LeaseExpiresAt, (DateTime?)null)) == 1;
    }

    /// <summary>Adds the worker's row (it announces itself) and returns it.</summary>
    public async Task<Worker> RegisterAsync(Worker worker, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        worker.StartedAt = worker.LastSeenAt = Now;
        db.Workers.Add(worker);
        await db.SaveChangesAsync(ct);
        return worker;
    }

    public async Task HeartbeatAsync(Guid workerId, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var now = Now;
        await db.Workers.Where(w => w.Id == workerId).ExecuteUpdateAsync(s => s.SetProperty(w => w.LastSeenAt, now), ct);
    }

    public async Task StoppedAsync(Guid workerId)
    {
        await using var db = await dbs.CreateDbContextAsync();
        var now = Now;
        await db.Workers.Where(w => w.Id == workerId).ExecuteUpdateAsync(s => s.SetProperty(w => w.LastSeenAt, now).SetProperty(w => w.StoppedAt, now));
    }

    /// <summary>
    /// Earlier workers on this host whose process is gone (killed, or the machine restarted) cannot renew their leases:
    /// their jobs are claimable at once instead of after the lease expires. Returns how many jobs that frees.
    /// (A process id reused by an unrelated process only delays that to the lease's expiry.)
    /// </summary>
    public async Task<int> ReleaseDeadLocalWorkersAsync(Worker me, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var others = await db.Workers.Where(w => w.Host == me.Host && w.Id != me.Id && w.StoppedAt == null).ToListAsync(ct);
        // Our own pid on a row older than this process: an earlier incarnation (a container restarted with the same pid).
        var processStart = System.Diagnostics.Process.GetCurrentProcess().StartTime.ToUniversalTime();
        var dead = others.Where(w => w.Pid == me.Pid ? w.StartedAt < processStart : !IsAlive(w.Pid)).ToList();
        if (dead.Count == 0) return 0;
        var now = Now;
        foreach (var w in dead) w.StoppedAt = now;
        await db.SaveChangesAsync(ct);
        var ids = dead.Select(w => (Guid?)w.Id).ToList();
        return await db.TrainingJobs.Where(j => j.Status == JobStatus.Running && ids.Contains(j.LeaseOwner))
            .ExecuteUpdateAsync(s => s.SetProperty(j => j.LeaseExpiresAt, DateTime.MinValue), ct);
    }

    static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }

    /// <summary>True on PostgreSQL (checked by name: this project does not reference its provider).</summary>
    public static bool IsPostgres(AppDbContext db) => db.Database.ProviderName == "Npgsql.EntityFrameworkCore.PostgreSQL";
}
