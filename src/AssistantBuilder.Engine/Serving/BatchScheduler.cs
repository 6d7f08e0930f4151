using System.Collections.Concurrent;
using AssistantBuilder.Engine.Generation;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Serving;

/// <summary>
/// Continuous batching on one thread: between decode steps it retires cancelled sequences and admits waiting ones
/// into free slots (all that fit, prefilled together in one forward), then runs one forward of [B, 1] tokens for
/// every active sequence, samples each row with its own sampler, streams the tokens out and retires the finished
/// sequences at once.
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
    readonly int _threads;
    volatile bool _stopping;
    readonly int _prefillTokens;
    volatile int _activeCount;

    public int Active => _activeCount;
    /// <summary>Prefill forwards run so far, and the most sequences one of them admitted (for tests and benchmarks).</summary>
    public int PrefillForwards { get; private set; }
    public int LargestPrefill { get; private set; }
    /// <summary>Sequences dropped because their request was cancelled (the client went away) before they finished.</summary>
    public int CancelledCount => _cancelledCount;
    volatile int _cancelledCount;
    public int Waiting => _waiting.Count;

    public BatchScheduler(CausalLm model, SlotKvCache cache, int prefillTokens, int threads = 0)
    {
        (_model, _cache, _prefillTokens, _threads) = (model, cache, prefillTokens, threads);
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
        if (_threads > 0) set_num_threads(_threads); // on this thread: OpenMP's team size is per calling thread
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

    // Takes the waiting sequences that fit the free slots and the prefill token budget, and prefills them together
    // in one forward into slots B..B+N-1; those already finished (first token an end, or a budget of one) leave at once.
    void Admit()
    {
        var admitted = new List<Sequence>();
        int longest = 0;
        while (_active.Count + admitted.Count < _cache.Slots && _waiting.TryPeek(out var next))
        {
            int padded = (admitted.Count + 1) * Math.Max(longest, next.Ids.Count);
            if (admitted.Count > 0 && padded > _prefillTokens) break; // the rest goes into the next prefill, after a decode step
            _waiting.TryDequeue(out _);
            if (next.Cancelled) { _cancelledCount++; next.Complete(); next.Dispose(); continue; }
            admitted.Add(next);
            longest = Math.Max(longest, next.Ids.Count);
        }
        if (admitted.Count == 0) return;
        bool[] finished;
        try { finished = Prefill(admitted, _active.Count); }
        catch (Exception ex)
        {
            foreach (var s in admitted) { s.Complete(ex); s.Dispose(); }
            return;
        }
        PrefillForwards++;
        LargestPrefill = Math.Max(LargestPrefill, admitted.Count);
        int first = _active.Count;
        for (int i = 0; i < admitted.Count; i++)
        {
            var sequence = admitted[i];
            if (finished[i]) { sequence.Complete(); sequence.Dispose(); continue; }
            if (first + i != _active.Count) _cache.Move(first + i, _active.Count, sequence.Cached); // close the gap a finished one left
            _active.Add(sequence);
        }
    }

    // The prompts, right-padded to the longest ([N, T]), through one causal forward into slots first..first+N-1: a real
    // query never sees a padding key (they all come after it), and the padding's keys written into the slots lie beyond
    // each sequence's position, where decode steps overwrite them before any row attends to them. Samples each first token.
    bool[] Prefill(List<Sequence> sequences, int first)
    {
        using var scope = NewDisposeScope();
        int n = sequences.Count, t = sequences.Max(s => s.Ids.Count);
        var padded = new long[n * t];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < sequences[i].Ids.Count; j++) padded[i * t + j] = sequences[i].Ids[j];
        using var cache = _cache.ForSlots(first, n);
        var ids = tensor(padded, device: _model.Device).view(n, t);                                                  // [N, T]
        var lastRows = tensor(sequences.Select((s, i) => (long)(i * t + s.Ids.Count - 1)).ToArray(), device: _model.Device); // [N]
        var hidden = Routed(PrefillAdapterRows(sequences, t), () => _model.Hidden(ids, cache));                       // [N, T, C]
        var logits = _model.Logits(hidden.view(n * t, -1).index_select(0, lastRows)).to(ScalarType.Float32, CPU);   // [N, V]
        var next = Sample(logits, sequences);
        return sequences.Select((s, i) => s.Accept(next[i])).ToArray();
    }

    // For each adapter among the prefilled sequences, the flattened [N*T] rows of its sequences (null when all use it).
    List<(LoraWeights Adapter, Tensor? Rows)> PrefillAdapterRows(List<Sequence> sequences, int t) =>
        sequences.Select((s, i) => (s.Adapter, Index: (long)i)).Where(r => r.Adapter is not null).GroupBy(r => r.Adapter!)
            .Select(g => (g.Key, g.Count() == sequences.Count ? null
                : (Tensor?)tensor(g.SelectMany(r => Enumerable.Range(0, t).Select(j => r.Index * t + j)).ToArray(), device: _model.Device)))
            .ToList();

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
        var next = Sample(logits, _active);
        var finished = Enumerable.Range(0, b).Where(i => _active[i].Accept(next[i])).ToList();
        for (int i = finished.Count - 1; i >= 0; i--) Retire(finished[i]);
    }

    // Row i's next token with sequence i's sampler, all rows at once.
    static int[] Sample(Tensor logits, List<Sequence> sequences) =>
        Sampler.NextRows(logits, sequences.Select(s => (s.Sampler, (IReadOnlyCollection<int>)s.Ids)).ToList());

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
            if (_active[i].Cancelled) { _cancelledCount++; Retire(i); }
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
