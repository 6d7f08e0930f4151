using AssistantBuilder.Data;
using AssistantBuilder.Jobs;

namespace AssistantBuilder.Web.Training;

/// <summary>
/// The in-process feed of job events and progress that the runner publishes to: pages (which live on the server)
/// subscribe here, and <see cref="HubRelay"/> forwards everything to the SignalR hub's groups. Handlers must be quick.
/// This node's embedded worker publishes here (<see cref="IJobFeed"/>); <see cref="JobFeedPoller"/> adds what other workers stored.
/// </summary>
public sealed class JobEvents(ILogger<JobEvents> log) : IJobFeed
{
    void IJobFeed.EventAdded(TrainingJobEvent row) => Publish(JobEventDto.From(row));

    void IJobFeed.ProgressChanged(TrainingJob job) => Publish(JobProgressDto.From(job));

    public event Action<JobEventDto>? EventAdded;
    public event Action<JobProgressDto>? ProgressChanged;

    public void Publish(JobEventDto e) => Invoke(EventAdded, e);

    public void Publish(JobProgressDto p) => Invoke(ProgressChanged, p);

    void Invoke<T>(Action<T>? handlers, T value)
    {
        if (handlers is null) return;
        foreach (var handler in handlers.GetInvocationList().Cast<Action<T>>())
        {
            try { handler(value); }
            catch (Exception ex) { log.LogWarning(ex, "A job event subscriber failed"); }
        }
    }
}
