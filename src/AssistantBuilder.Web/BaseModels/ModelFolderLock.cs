namespace AssistantBuilder.Web.BaseModels;

/// <summary>Serialises the changes to the models folder and its rows (rescan, upload, pull, delete) across requests and circuits.</summary>
public sealed class ModelFolderLock
{
    readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken ct = default)
    {
        await _gate.WaitAsync(ct);
        return new Release(_gate);
    }

    sealed class Release(SemaphoreSlim gate) : IDisposable
    {
        int _done;
        public void Dispose() { if (Interlocked.Exchange(ref _done, 1) == 0) gate.Release(); }
    }
}
