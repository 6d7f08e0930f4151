using System.Collections.Concurrent;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Engine.Serving;

/// <summary>
/// The LoRA adapters a <see cref="ServingEngine"/> can apply per request, by id, each loaded once beside the one
/// copy of the base weights. A removed adapter is freed once no request uses it any more.
/// </summary>
public sealed class AdapterRegistry : IDisposable
{
    readonly CausalLm _model;
    readonly ConcurrentDictionary<string, LoraWeights> _adapters = new(StringComparer.Ordinal);
    readonly ConcurrentQueue<LoraWeights> _removed = new();

    internal AdapterRegistry(CausalLm model) => _model = model;

    public IReadOnlyCollection<string> Ids => _adapters.Keys.ToList();

    public bool Contains(string id) => _adapters.ContainsKey(id);

    /// <summary>Loads a PEFT adapter folder (adapter_config.json, adapter_model.safetensors) under an id; a loaded id is replaced.</summary>
    public void Load(string id, string directory)
    {
        if (_model.Router is null)
            throw new InvalidOperationException("this model was loaded without a LoRA router: load it with ChatModel.LoadForServing to serve adapters");
        var weights = LoraWeights.Load(directory, _model);
        _adapters.AddOrUpdate(id, weights, (_, old) => { _removed.Enqueue(old); return weights; });
    }

    public bool Remove(string id)
    {
        if (!_adapters.TryRemove(id, out var old)) return false;
        _removed.Enqueue(old);
        return true;
    }

    internal LoraWeights Get(string id) => _adapters.TryGetValue(id, out var w) ? w
        : throw new ArgumentException($"unknown adapter '{id}' (loaded: {string.Join(", ", _adapters.Keys.Order())})");

    /// <summary>Frees removed adapters that no request in flight uses (called by the scheduler between steps).</summary>
    internal void FreeUnused(Func<LoraWeights, bool> inUse)
    {
        for (int n = _removed.Count; n > 0 && _removed.TryDequeue(out var w); n--)
            if (inUse(w)) _removed.Enqueue(w); else w.Dispose();
    }

    public void Dispose()
    {
        foreach (var w in _adapters.Values.Concat(_removed)) w.Dispose();
        _adapters.Clear();
        _removed.Clear();
    }
}
