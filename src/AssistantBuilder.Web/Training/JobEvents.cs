namespace AssistantBuilder.Web.Training;

/// <summary>
/// The in-process feed of job events and progress that the runner publishes to: pages (which live on the server)
/// subscribe here, and <see cref="HubRelay"/> forwards everything to the SignalR hub's groups. Handlers must be quick.
/// </summary>
public sealed class JobEvents(ILogger<JobEvents> log)
{
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
