namespace AssistantBuilder.Web.Widget;

/// <summary>
/// One answer at a time per conversation: a second message waits (briefly) until the previous answer is stored, so
/// message indexes never clash. Entries live only while someone holds or waits for them.
/// </summary>
public sealed class ConversationLocks
{
    sealed class Entry { public readonly SemaphoreSlim Gate = new(1, 1); public int Users; }
    readonly Dictionary<Guid, Entry> _entries = [];

    /// <summary>The held lock (dispose to release), or null when it stayed busy for <paramref name="wait"/>.</summary>
    public async Task<IAsyncDisposable?> TryEnterAsync(Guid conversationId, TimeSpan wait, CancellationToken ct)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(conversationId, out entry!)) _entries[conversationId] = entry = new Entry();
            entry.Users++;
        }
        bool entered = false;
        try { entered = await entry.Gate.WaitAsync(wait, ct); }
        finally { if (!entered) Leave(conversationId, entry, release: false); }
        return entered ? new Held(this, conversationId, entry) : null;
    }

    void Leave(Guid id, Entry entry, bool release)
    {
        if (release) entry.Gate.Release();
        lock (_entries)
        {
            if (--entry.Users == 0) _entries.Remove(id);
        }
    }

    sealed class Held(ConversationLocks owner, Guid id, Entry entry) : IAsyncDisposable
    {
        int _done;
        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) owner.Leave(id, entry, release: true);
            return ValueTask.CompletedTask;
        }
    }
}
