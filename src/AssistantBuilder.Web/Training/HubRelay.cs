using System.Threading.Channels;
using Microsoft.AspNetCore.SignalR;

namespace AssistantBuilder.Web.Training;

/// <summary>
/// Forwards the in-process job feed to the hub's groups, in order, without ever blocking the runner. Items polled from
/// the database that another node relays already (<c>RelayToHub</c> false, see <see cref="JobFeedPoller"/>) are skipped.
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
