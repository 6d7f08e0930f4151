using AssistantBuilder.Core.Storage;
using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AssistantBuilder.Jobs;

/// <summary>
/// One training worker on one device: announces itself (a <see cref="Worker"/> row), then claims jobs from the shared
/// queue one at a time and runs each as an <c>ab train</c> child process, renewing the job's lease every third of its
/// length (and picking up cancel requests with it). When stopped it closes its trainer's stdin (the trainer writes a
/// checkpoint) and gives the job back to the queue, so another worker resumes it at once; when killed, its job is
/// taken over once the lease expires. <c>ab worker</c> runs one; the web app runs one per device unless
/// <see cref="TrainingOptions.EmbeddedWorker"/> is off.
/// </summary>
public sealed class JobWorker(IDbContextFactory<AppDbContext> dbs, IArtifactStore store, IJobFeed feed, TrainingOptions options,
    WorkerDevice device, string name, ILogger log)
{
    readonly SemaphoreSlim _wake = new(0, 1);
    readonly JobQueue _queue = new(dbs);
    volatile JobAttempt? _current;

    public Guid Id { get; } = Guid.NewGuid();
    public WorkerDevice Device => device;
    public string Name => name;

    /// <summary>Set by a web node for its own worker (it relays that worker's events to the hub itself).</summary>
    public bool Embedded { get; init; }

    TimeSpan Lease => TimeSpan.FromSeconds(Math.Max(1, options.LeaseSeconds));

    /// <summary>Look at the queue now (a job was queued or resumed).</summary>
    public void Wake()
    {
        try { _wake.Release(); } catch (SemaphoreFullException) { } // already woken
    }

    /// <summary>Stops the job's trainer now if it runs here (it would also learn of the cancel at its next lease renewal).</summary>
    public bool Cancel(Guid jobId)
    {
        var attempt = _current;
        if (attempt?.JobId != jobId) return false;
        attempt.RequestCancel();
        return true;
    }

    public bool IsRunning(Guid jobId) => _current?.JobId == jobId;

    public async Task RunAsync(CancellationToken stopping)
    {
        var me = await _queue.RegisterAsync(new Worker
        {
            Id = Id, Name = name, Host = Environment.MachineName, Pid = Environment.ProcessId, DeviceKind = device.Kind, Device = device.Name,
            MemoryBytes = device.MemoryBytes, Embedded = Embedded,
        }, stopping);
        log.LogInformation("Worker {Name} ({Id}) on {Host}, pid {Pid}: {Device}{Memory}; lease {Lease} s", name, Id, me.Host, me.Pid, device.Name,
            device.MemoryBytes is long m ? $", {m / (1024.0 * 1024 * 1024):F1} GiB" : "", Lease.TotalSeconds);
        try
        {
            int freed = await _queue.ReleaseDeadLocalWorkersAsync(me, stopping);
            if (freed > 0) log.LogInformation("{Count} job(s) of an earlier worker on this host that is gone are claimable now", freed);
            while (!stopping.IsCancellationRequested)
            {
                JobClaim? claim = null;
                try
                {
                    claim = await _queue.ClaimAsync(Id, device, Lease, stopping, job => JobMemory.FitsAsync(job, device, store, stopping));
                    if (claim is null) await _queue.HeartbeatAsync(Id, stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Worker {Name} could not look at the queue", name); }
                if (claim is null)
                {
                    await _wake.WaitAsync(TimeSpan.FromSeconds(Math.Max(0.1, options.PollSeconds)), stopping);
                    continue;
                }
                await RunJobAsync(me, claim, stopping);
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        finally
        {
            try { await _queue.StoppedAsync(Id); }
            catch (Exception ex) { log.LogWarning(ex, "Worker {Name} could not record that it stopped", name); }
        }
    }

    async Task RunJobAsync(Worker me, JobClaim claim, CancellationToken stopping)
    {
        log.LogInformation("Worker {Name} claimed job {Job}{How}", name, claim.JobId, claim.TakenOver ? $" (taken over from {claim.PreviousOwner})" : "");
        var attempt = new JobAttempt(claim, me, dbs, store, feed, options, log);
        _current = attempt;
        using var renewing = new CancellationTokenSource();
        var renewal = RenewAsync(attempt, renewing.Token);
        try { await attempt.RunAsync(stopping); }
        catch (Exception ex) when (!stopping.IsCancellationRequested) { log.LogError(ex, "Training job {Job} failed in worker {Name}", claim.JobId, name); }
        catch (Exception) { } // stopping: released below
        finally
        {
            await renewing.CancelAsync();
            await renewal;
            _current = null;
            try
            {
                if (!attempt.Lost && await _queue.ReleaseIfHeldAsync(claim.JobId, Id))
                    log.LogInformation("Training job {Job} went back to the queue", claim.JobId);
            }
            catch (Exception ex) { log.LogWarning(ex, "Could not give job {Job} back; it is taken over when its lease expires", claim.JobId); }
        }
    }

    async Task RenewAsync(JobAttempt attempt, CancellationToken ct)
    {
        var every = Lease / 3;
        while (!ct.IsCancellationRequested)
        {
            try { await Task.Delay(every, ct); }
            catch (OperationCanceledException) { return; }
            try
            {
                var renewal = await _queue.RenewAsync(attempt.JobId, Id, Lease, ct);
                if (!renewal.Held)
                {
                    attempt.LeaseLost();
                    return;
                }
                if (renewal.CancelRequested) attempt.RequestCancel();
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { return; }
            catch (Exception ex) { log.LogWarning(ex, "Worker {Name} could not renew its lease on job {Job}", name, attempt.JobId); }
        }
    }
}
