using System.Threading.Channels;
using AssistantBuilder.Engine.Generation;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Tokenization;

namespace AssistantBuilder.Engine.Serving;

/// <summary>
/// One request in flight: its ids so far, its own sampler (and seed), its text stream with stop strings, and the
/// channel its chunks go out on. Only the scheduler's thread touches it, except <see cref="Cancel"/>.
/// </summary>
sealed class Sequence : IDisposable
{
    readonly Channel<ServingChunk> _output = Channel.CreateUnbounded<ServingChunk>(new() { SingleReader = true, SingleWriter = true });
    readonly StreamingDecoder? _decoder;
    readonly StopStringFilter _stops;
    volatile bool _cancelled;

    public GenerationOptions Options { get; }
    public LoraWeights? Adapter { get; }
    public Sampler Sampler { get; }
    /// <summary>Prompt and generated ids.</summary>
    public List<int> Ids { get; }
    public int PromptTokens { get; }
    public int Generated { get; private set; }
    public int Budget { get; }
    public bool Cancelled => _cancelled;
    public ChannelReader<ServingChunk> Output => _output.Reader;
    /// <summary>Positions in the KV cache so far; the last id is not fed yet, and goes in at this position.</summary>
    public int Cached => Ids.Count - 1;

    public Sequence(ServingRequest request, LoraWeights? adapter, HfTokenizer? tokenizer, int budget)
    {
        (Options, Adapter, Budget) = (request.Options, adapter, budget);
        Ids = [.. request.PromptIds];
        PromptTokens = Ids.Count;
        Sampler = new Sampler(Options);
        _decoder = tokenizer?.CreateStreamingDecoder(skipSpecialTokens: true);
        _stops = new StopStringFilter(Options.StopStrings);
    }

    public void Cancel() => _cancelled = true;

    /// <summary>Takes the next id and streams it out; returns whether the sequence is finished.</summary>
    public bool Accept(int id)
    {
        Ids.Add(id);
        Generated++;
        var (text, stopped) = _stops.Push(_decoder?.Push(id) ?? "");
        string? finish = stopped || Options.EosTokenIds.Contains(id) ? "stop" : Generated == Budget ? "length" : null;
        if (finish is not null && !stopped) text += Drain();
        _output.Writer.TryWrite(new ServingChunk(id, text, finish, PromptTokens, Generated));
        if (finish is not null) _output.Writer.TryComplete();
        return finish is not null;
    }

    // The text still held by the decoder and the stop-string filter once generation ends.
    string Drain()
    {
        var (text, stopped) = _stops.Push(_decoder?.Flush() ?? "");
        return stopped ? text : text + _stops.Flush();
    }

    /// <summary>Ends the output: with an error, or quietly (a cancelled request's reader has already stopped).</summary>
    public void Complete(Exception? error = null) => _output.Writer.TryComplete(error);

    public void Dispose()
    {
        Adapter?.Release();
    }
}
