using System.Runtime.CompilerServices;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Serving;

/// <summary>
/// Serves many concurrent generation requests from one loaded model: continuous batching over a KV cache with one
/// slot per sequence (<see cref="ServingOptions.Slots"/> at once, the rest wait), and per-request LoRA adapters
/// applied at run time over the one copy of the base weights (<see cref="Adapters"/>; the model must be loaded with
/// a router, <see cref="ChatModel.LoadForServing"/>). Does not own the model.
/// </summary>
public sealed class ServingEngine : IDisposable
{
    readonly HfTokenizer? _tokenizer;
    readonly SlotKvCache _cache;
    readonly BatchScheduler _scheduler;

    public CausalLm Model { get; }
    public ServingOptions Options { get; }
    public AdapterRegistry Adapters { get; }
    /// <summary>The longest prompt plus generation a request may reach.</summary>
    public int MaxSequenceLength { get; }
    /// <summary>Sequences decoding now, and requests waiting for a slot.</summary>
    public int ActiveCount => _scheduler.Active;
    public int WaitingCount => _scheduler.Waiting;
    /// <summary>Requests dropped unfinished because they were cancelled (a client that went away, a stop button).</summary>
    public int CancelledCount => _scheduler.CancelledCount;
    /// <summary>Prefill forwards so far, and the most requests one of them admitted together.</summary>
    public (int Forwards, int LargestBatch) PrefillStats => (_scheduler.PrefillForwards, _scheduler.LargestPrefill);

    /// <summary>Runs <paramref name="work"/> on the batch loop between steps (tests hold the loop with it).</summary>
    internal Task<T> RunOnLoopAsync<T>(Func<T> work) => _scheduler.Submit(null, work);

    /// <summary>Without a tokenizer the chunks carry ids only (empty text) and stop strings cannot be used.</summary>
    public ServingEngine(CausalLm model, HfTokenizer? tokenizer, ServingOptions? options = null)
    {
        Options = options ?? new ServingOptions();
        Options.Validate();
        (Model, _tokenizer) = (model, tokenizer);
        int context = model.Config.MaxPositionEmbeddings;
        MaxSequenceLength = Options.MaxSequenceLength > 0 ? Math.Min(Options.MaxSequenceLength, context) : Math.Min(context, 2048);
        _cache = new SlotKvCache(model.Config, Options.Slots, MaxSequenceLength, model.Device, model.DType);
        Adapters = new AdapterRegistry(model);
        _scheduler = new BatchScheduler(model, _cache, Options.PrefillTokens, Options.Threads);
    }

    public ServingEngine(ChatModel chat, ServingOptions? options = null) : this(chat.Model, chat.Tokenizer, options) { }

    /// <summary>
    /// Queues a request and streams its tokens as they are decoded. Cancelling the token, or leaving the enumeration
    /// early, frees the request's slot before the next step. Bad options, an empty or too long prompt, or an unknown
    /// adapter throw <see cref="ArgumentException"/> on the first MoveNextAsync.
    /// </summary>
    public async IAsyncEnumerable<ServingChunk> GenerateAsync(ServingRequest request, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var sequence = Admit(request);
        try
        {
            using var registration = cancellationToken.Register(() => _scheduler.Cancel(sequence));
            _scheduler.Enqueue(sequence);
            await foreach (var chunk in sequence.Output.ReadAllAsync(cancellationToken))
            {
                cancellationToken.ThrowIfCancellationRequested(); // chunks already queued are not delivered after a cancel
                yield return chunk;
            }
        }
        finally { _scheduler.Cancel(sequence); } // a no-op once the sequence has finished
    }

    /// <summary>
    /// Teacher-forced log-probabilities (natural log) of <paramref name="ids"/>[from..] each given the tokens before it,
    /// with an optional registered adapter: one forward pass run on the batch loop between decode steps. For
    /// perplexity of a reference answer: ids = prompt + answer, from = the prompt's length.
    /// </summary>
    public Task<double[]> ScoreAsync(IReadOnlyList<int> ids, int from, string? adapterId = null)
    {
        if (from < 1 || from >= ids.Count) throw new ArgumentException($"scored tokens must start after the first token and before the end (from {from}, {ids.Count} tokens)");
        if (ids.Count > Model.Config.MaxPositionEmbeddings)
            throw new ArgumentException($"{ids.Count} tokens do not fit the model's context of {Model.Config.MaxPositionEmbeddings}");
        var adapter = adapterId is null ? null : Adapters.Acquire(adapterId);
        try
        {
            var task = _scheduler.Submit(adapter, () => TokenScoring.LogProbs(Model, ids, from));
            return adapter is null ? task : task.ContinueWith(t => { adapter.Release(); return t; }, TaskScheduler.Default).Unwrap();
        }
        catch { adapter?.Release(); throw; }
    }

    Sequence Admit(ServingRequest request)
    {
        request.Options.Validate();
        int prompt = request.PromptIds.Count;
        if (prompt == 0) throw new ArgumentException("the prompt is empty: at least one token is needed");
        if (prompt >= MaxSequenceLength)
            throw new ArgumentException($"the prompt has {prompt} tokens but a served sequence holds {MaxSequenceLength}: shorten it");
        if (_tokenizer is null && request.Options.StopStrings.Count > 0) throw new ArgumentException("stop strings need a tokenizer");
        var adapter = request.AdapterId is null ? null : Adapters.Acquire(request.AdapterId);
        return new Sequence(request, adapter, _tokenizer, Math.Min(request.Options.MaxNewTokens, MaxSequenceLength - prompt));
    }

    public void Dispose()
    {
        _scheduler.Dispose();
        _cache.Dispose();
        Adapters.Dispose();
    }
}
