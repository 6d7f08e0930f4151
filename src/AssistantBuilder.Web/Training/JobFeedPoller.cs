using AssistantBuilder.Data;
using AssistantBuilder.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantBuilder.Web.Training;

/// <summary>
/// Brings what other workers store (<c>ab worker</c>s, other web nodes' embedded workers) into this node's job feed,
/// so its pages' live charts move whichever worker runs the job: every <see cref="TrainingOptions.FeedPollSeconds"/> it
/// reads the job events after the last one seen (by id) and the progress of their jobs, skipping this node's own
/// workers' events (published already). Hub relaying: without a SignalR backplane every node relays to its own
/// clients; with one (<see cref="AssistantBuilder.Web.Hosting.ScaleOutOptions"/>), relaying an event on every node would duplicate it, so only
/// the node holding the "hub-relay" lease relays polled events, and only those of <c>ab worker</c>s (a web node's
/// embedded worker relays its own).
/// </summary>
public sealed class JobFeedPoller(IDbContextFactory<AppDbContext> dbs, JobEvents events, EmbeddedWorkers local, IOptions<TrainingOptions> options,
    IConfiguration configuration, ILogger<JobFeedPoller> log) : BackgroundService
{
    public const string RelayLease = "hub-relay";
    readonly string _node = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}";
    readonly HashSet<long> _seen = [];
    readonly Dictionary<Guid, bool> _embedded = [];
    long _last;

    /// <summary>Whether this node relays polled events to the hub (always without a backplane).</summary>
    public bool Relays { get; private set; }

    bool Backplane => AssistantBuilder.Web.Hosting.ScaleOutOptions.FromConfiguration(configuration).Backplane;

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        var every = TimeSpan.FromSeconds(Math.Max(0.05, options.Value.FeedPollSeconds));
        var leases = new NamedLeases(dbs);
        try
        {
            await using (var db = await dbs.CreateDbContextAsync(stopping))
                _last = await db.TrainingJobEvents.MaxAsync(e => (long?)e.Id, stopping) ?? 0;
            using var timer = new PeriodicTimer(every);
            do
            {
                try
                {
                    Relays = !Backplane || await leases.TryAcquireAsync(RelayLease, _node, every * 10, stopping);
                    await PollAsync(stopping);
                }
                catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Could not read other workers' job events"); }
            } while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        finally
        {
            if (Backplane && Relays)
                try { await leases.ReleaseAsync(RelayLease, _node); } catch (Exception ex) { log.LogDebug(ex, "Could not release the hub-relay lease"); }
        }
    }

    async Task PollAsync(CancellationToken ct)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        // PostgreSQL hands out ids before commit, so a lower id can appear after a higher one: look back a little.
        long from = JobQueue.IsPostgres(db) ? Math.Max(0, _last - LookBack) : _last;
        var rows = await db.TrainingJobEvents.Where(e => e.Id > from).OrderBy(e => e.Id).Take(2000).ToListAsync(ct);
        if (rows.Count == 0) return;
        _last = Math.Max(_last, rows[^1].Id);
        _seen.RemoveWhere(id => id <= _last - LookBack);
        var mine = local.Ids.ToHashSet();
        var fresh = rows.Where(r => _seen.Add(r.Id) && !(r.WorkerId is Guid w && mine.Contains(w))).ToList();
        if (fresh.Count == 0) return;
        foreach (var id in fresh.Select(r => r.WorkerId).OfType<Guid>().Distinct().Where(id => !_embedded.ContainsKey(id)).ToList())
            _embedded[id] = await db.Workers.Where(w => w.Id == id).Select(w => w.Embedded).FirstOrDefaultAsync(ct);
        bool Relay(TrainingJobEvent r) => Relays && !(Backplane && r.WorkerId is Guid w && _embedded.GetValueOrDefault(w));
        foreach (var row in fresh) events.Publish(JobEventDto.From(row) with { Polled = true, RelayToHub = Relay(row) });
        var jobIds = fresh.Select(r => r.JobId).Distinct().ToList();
        var jobs = await db.TrainingJobs.AsNoTracking().Where(j => jobIds.Contains(j.Id)).ToListAsync(ct);
        foreach (var job in jobs)
            events.Publish(JobProgressDto.From(job) with { Polled = true, RelayToHub = fresh.Where(r => r.JobId == job.Id).Any(Relay) });
    }

    const long LookBack = 256;
}
