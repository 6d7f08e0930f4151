using System.Collections.Concurrent;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Serving;

/// <summary>
/// Continuous batching on one thread: between decode steps it retires cancelled sequences and admits waiting ones
/// into free slots (one prefill each), then runs one forward of [B, 1] tokens for every active sequence, samples each
/// row with its own sampler, streams the tokens out and retires the finished sequences at once.
/// </summary>
sealed class BatchScheduler : IDisposable
{
    readonly CausalLm _model;
    readonly SlotKvCache _cache;
    readonly ConcurrentQueue<Sequence> _waiting = new();
    readonly ConcurrentQueue<Action> _jobs = new(); // other work on the model (scoring), run between decode steps
    readonly List<Sequence> _active = []; // row i decodes from slot i
    readonly SemaphoreSlim _wake = new(0);
    readonly Thread _thread;
    volatile bool _stopping;
    volatile int _activeCount;

    public int Active => _activeCount;
    public int Waiting => _waiting.Count;

    public BatchScheduler(CausalLm model, SlotKvCache cache)
    {
        (_model, _cache) = (model, cache);
        _thread = new Thread(Run) { IsBackground = true, Name = "serving-batch-loop" };
        _thread.Start();
    }

    public void Enqueue(Sequence sequence)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        _waiting.Enqueue(sequence);
        _wake.Release();
    }

    /// <summary>Runs a forward pass of the caller's on the loop thread, between decode steps, with an adapter routed to every row.</summary>
    public Task<T> Submit<T>(LoraWeights? adapter, Func<T> work)
    {
        ObjectDisposedException.ThrowIf(_stopping, this);
        var done = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        _jobs.Enqueue(() =>
        {
            try
            {
                using var scope = NewDisposeScope();
                done.SetResult(Routed(adapter is null ? [] : [(adapter, null)], work));
            }
            catch (Exception ex) { done.SetException(ex); }
        });
        _wake.Release();
        return done.Task;
    }

    void RunJobs()
    {
        while (_jobs.TryDequeue(out var job)) job();
    }

    public void Cancel(Sequence sequence)
    {
        sequence.Cancel();
        if (!_stopping) _wake.Release();
    }

    void Run()
    {
        using var noGrad = no_grad();
        while (!_stopping)
        {
            RetireCancelled();
            RunJobs();
            Admit();
            _activeCount = _active.Count;
            if (_active.Count == 0) { _wake.Wait(); continue; }
            try { Step(); }
            catch (Exception ex) { for (int i = _active.Count - 1; i >= 0; i--) Retire(i, ex); }
        }
        for (int i = _active.Count - 1; i >= 0; i--) Retire(i, new ObjectDisposedException(nameof(ServingEngine)));
        DrainWaiting();
    }

    void DrainWaiting()
    {
        while (_waiting.TryDequeue(out var s)) { s.Complete(new ObjectDisposedException(nameof(ServingEngine))); s.Dispose(); }
        RunJobs(); // scoring jobs still queued run (the model is still there) rather than hang their callers
    }

    void Admit()
    {
        while (_active.Count < _cache.Slots && _waiting.TryDequeue(out var sequence))
        {
            bool finished = true;
            try { finished = sequence.Cancelled || Prefill(sequence, _active.Count); }
            catch (Exception ex) { sequence.Complete(ex); }
            if (finished) { sequence.Complete(); sequence.Dispose(); }
            else _active.Add(sequence);
        }
    }

    // The prompt through the ordinary single-sequence path into the sequence's slot; samples its first token.
    bool Prefill(Sequence sequence, int slot)
    {
        using var scope = NewDisposeScope();
        using var cache = _cache.ForSlot(slot);
        var ids = tensor(sequence.Ids.Select(i => (long)i).ToArray(), device: _model.Device).unsqueeze(0); // [1, T]
        var logits = Routed(sequence.Adapter is { } a ? [(a, null)] : [], () => _model.Forward(ids, cache, lastTokenOnly: true)); // [1, 1, V]
        return sequence.Accept(sequence.Sampler.Next(logits[0, 0], sequence.Ids));
    }

    // One token for every active sequence: row i at its own position, attending to its own slot's keys.
    void Step()
    {
        using var scope = NewDisposeScope();
        int b = _active.Count;
        var cached = _active.Select(s => (long)s.Cached).ToArray();
        long last = cached.Max();
        var positions = tensor(cached, device: _model.Device);                                                       // [B]
        var ids = tensor(_active.Select(s => (long)s.Ids[^1]).ToArray(), device: _model.Device).view(b, 1);          // [B, 1]
        var mask = cached.All(c => c == last) ? null                                                                  // [B, 1, S]
            : (arange(last + 1, device: _model.Device).unsqueeze(0) <= positions.unsqueeze(1)).unsqueeze(1);
        _cache.Prepare(positions, last + 1);
        var logits = Routed(AdapterRows(), () => _model.DecodeRows(ids, positions, last, mask, _cache)).to(ScalarType.Float32, CPU); // [B, V]
        var finished = Enumerable.Range(0, b).Where(i => _active[i].Accept(_active[i].Sampler.Next(logits[i], _active[i].Ids))).ToList();
        for (int i = finished.Count - 1; i >= 0; i--) Retire(finished[i]);
    }

    // For each adapter in the batch, the rows that use it (null when every row does).
    List<(LoraWeights Adapter, Tensor? Rows)> AdapterRows() =>
        _active.Select((s, row) => (s.Adapter, Row: (long)row)).Where(r => r.Adapter is not null).GroupBy(r => r.Adapter!)
            .Select(g => (g.Key, g.Count() == _active.Count ? null : (Tensor?)tensor(g.Select(r => r.Row).ToArray(), device: _model.Device)))
            .ToList();

    T Routed<T>(IReadOnlyList<(LoraWeights, Tensor?)> groups, Func<T> forward)
    {
        if (groups.Count == 0) return forward();
        _model.Router!.Route(groups);
        try { return forward(); }
        finally { _model.Router.Clear(); }
    }

    void RetireCancelled()
    {
        for (int i = _active.Count - 1; i >= 0; i--)
            if (_active[i].Cancelled) Retire(i);
    }

    // Frees row i's slot: the last active sequence moves into it, so the active slots stay 0..B-1.
    void Retire(int row, Exception? error = null)
    {
        var sequence = _active[row];
        int last = _active.Count - 1;
        if (row != last)
        {
            _cache.Move(last, row, _active[last].Cached);
            _active[row] = _active[last];
        }
        _active.RemoveAt(last);
        sequence.Complete(error);
        sequence.Dispose();
    }

    public void Dispose()
    {
        if (_stopping) return;
        _stopping = true;
        _wake.Release();
        _thread.Join();
        DrainWaiting(); // anything enqueued while the loop was stopping
        _wake.Dispose();
    }
}
