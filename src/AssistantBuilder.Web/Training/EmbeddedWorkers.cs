using AssistantBuilder.Data;
using AssistantBuilder.Jobs;
using AssistantBuilder.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantBuilder.Web.Training;

/// <summary>
/// The web node's own training workers (one per device of <see cref="TrainingOptions.Devices"/>), so that a single
/// machine runs its jobs as before; the same <see cref="JobWorker"/> as <c>ab worker</c>, on the same shared queue.
/// Off with <c>Training:EmbeddedWorker=false</c> (the web nodes of a cluster whose jobs run on <c>ab worker</c>s).
/// </summary>
public sealed class EmbeddedWorkers : BackgroundService
{
    readonly List<JobWorker> _workers = [];

    public EmbeddedWorkers(IDbContextFactory<AppDbContext> dbs, IArtifactStore store, JobEvents events, IOptions<TrainingOptions> options, ILogger<EmbeddedWorkers> log)
    {
        if (!options.Value.EmbeddedWorker) return;
        IReadOnlyList<WorkerDevice> devices;
        try { devices = options.Value.Devices.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .SelectMany(d => WorkerDevice.Detect(d, cpuWithGpus: true)).DistinctBy(d => d.Name).ToList(); }
        catch (ArgumentException ex) { throw new InvalidOperationException($"Training:Devices '{options.Value.Devices}': {ex.Message}", ex); }
        foreach (var device in devices)
            _workers.Add(new JobWorker(dbs, store, events, options.Value, device, $"web/{Environment.MachineName}/{device.Name}", log) { Embedded = true });
    }

    /// <summary>The ids of this node's workers (their events are published here directly).</summary>
    public IReadOnlyCollection<Guid> Ids => _workers.Select(w => w.Id).ToList();

    public void Wake()
    {
        foreach (var w in _workers) w.Wake();
    }

    /// <summary>Stops the job's trainer now when it runs on this node (elsewhere its worker sees the request at its next lease renewal).</summary>
    public bool Cancel(Guid jobId) => _workers.Any(w => w.Cancel(jobId));

    public bool IsRunning(Guid jobId) => _workers.Any(w => w.IsRunning(jobId));

    protected override Task ExecuteAsync(CancellationToken stopping) => Task.WhenAll(_workers.Select(w => Task.Run(() => w.RunAsync(stopping), CancellationToken.None)));
}
