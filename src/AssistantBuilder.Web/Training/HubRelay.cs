using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace AssistantBuilder.Web.Training;

/// <summary>
/// Forwards the in-process job feed to the hub's groups, in order, without ever blocking the runner.
/// Scale-out rule: each job message goes to the hub exactly once cluster-wide, from the process that produced it.
/// <see cref="JobEvents"/> carries only what this process produced (its runner, its API calls), and with the Redis
/// backplane (<see cref="Hosting.ScaleOut"/>) one group send here reaches that group's clients on every node; so no
/// node may relay messages it learned from elsewhere (e.g. a worker's events read back from the database), or
/// clients would receive them once per node.
/// The one exception: items polled from the database by <see cref="JobFeedPoller"/> (events of <c>ab worker</c>s, which
/// have no hub) carry <c>RelayToHub</c> = true only on the node that holds the "hub-relay" lease (or on every node
/// without a backplane); the others are skipped here.
/// </summary>
public sealed class HubRelay(JobEvents events, IHubContext<TrainingHub> hub, ILogger<HubRelay> log) : BackgroundService
{
    readonly Channel<object> _queue = Channel.CreateUnbounded<object>(new UnboundedChannelOptions { SingleReader = true });

    protected override async Task ExecuteAsync(CancellationToken stopping)
    {
        events.EventAdded += Enqueue;
        events.ProgressChanged += Enqueue;
        try
        {
            await foreach (var message in _queue.Reader.ReadAllAsync(stopping))
            {
                try
                {
                    if (message is JobEventDto e)
                        await hub.Clients.Group(TrainingHub.JobGroup(e.JobId)).SendAsync("JobEvent", e, stopping);
                    else if (message is JobProgressDto p)
                    {
                        await hub.Clients.Group(TrainingHub.JobGroup(p.JobId)).SendAsync("JobProgress", p, stopping);
                        await hub.Clients.Group(TrainingHub.AllJobs).SendAsync("JobProgress", p, stopping);
                    }
                }
                catch (Exception ex) when (ex is not OperationCanceledException) { log.LogWarning(ex, "Could not relay a job message to the hub"); }
            }
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested) { }
        finally
        {
            events.EventAdded -= Enqueue;
            events.ProgressChanged -= Enqueue;
        }
    }

    void Enqueue(JobEventDto e)
    {
        if (e.RelayToHub) _queue.Writer.TryWrite(e);
    }

    void Enqueue(JobProgressDto p)
    {
        if (p.RelayToHub) _queue.Writer.TryWrite(p);
    }
}
