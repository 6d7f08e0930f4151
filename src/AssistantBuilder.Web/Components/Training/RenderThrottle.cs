namespace AssistantBuilder.Web.Components.Training;

/// <summary>Coalesces many update requests into at most one render per interval (live charts re-render ~2 times a second).</summary>
public sealed class RenderThrottle(Func<Task> render, TimeSpan interval) : IDisposable
{
    readonly object _gate = new();
    bool _scheduled, _disposed;
    DateTime _last = DateTime.MinValue;

    public void Request()
    {
        TimeSpan wait;
        lock (_gate)
        {
            if (_scheduled || _disposed) return;
            _scheduled = true;
            wait = _last + interval - DateTime.UtcNow;
        }
        _ = RunAfter(wait > TimeSpan.Zero ? wait : TimeSpan.Zero);
    }

    async Task RunAfter(TimeSpan wait)
    {
        await Task.Delay(wait);
        lock (_gate)
        {
            _scheduled = false;
            if (_disposed) return;
            _last = DateTime.UtcNow;
        }
        try { await render(); }
        catch (ObjectDisposedException) { } // the circuit went away
    }

    public void Dispose()
    {
        lock (_gate) _disposed = true;
    }
}
