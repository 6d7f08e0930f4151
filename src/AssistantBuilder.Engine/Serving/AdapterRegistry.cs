using System.Collections.Concurrent;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Engine.Serving;

/// <summary>
/// The LoRA adapters a <see cref="ServingEngine"/> can apply per request, by id, each loaded once beside the one
/// copy of the base weights. A removed (or replaced) adapter is freed once no request uses it any more.
/// </summary>
public sealed class AdapterRegistry : IDisposable
{
    readonly CausalLm _model;
    readonly ConcurrentDictionary<string, LoraWeights> _adapters = new(StringComparer.Ordinal);
    readonly Lock _gate = new(); // loads and removals, so that each replaced adapter is released once

    internal AdapterRegistry(CausalLm model) => _model = model;

    public IReadOnlyCollection<string> Ids => _adapters.Keys.ToList();

    public bool Contains(string id) => _adapters.ContainsKey(id);

    /// <summary>Loads a PEFT adapter folder (adapter_config.json, adapter_model.safetensors) under an id; a loaded id is replaced.</summary>
    public void Load(string id, string directory)
    {
        if (_model.Router is null)
            throw new InvalidOperationException("this model was loaded without a LoRA router: load it with ChatModel.LoadForServing to serve adapters");
        var weights = LoraWeights.Load(directory, _model);
        lock (_gate)
        {
            if (_adapters.TryGetValue(id, out var old)) old.Release();
            _adapters[id] = weights;
        }
    }

    public bool Remove(string id)
    {
        lock (_gate)
        {
            if (!_adapters.TryRemove(id, out var old)) return false;
            old.Release();
            return true;
        }
    }

    /// <summary>The adapter with a reference taken for one request (give it back with <see cref="LoraWeights.Release"/>).</summary>
    internal LoraWeights Acquire(string id) => _adapters.TryGetValue(id, out var w) && w.TryAcquire() ? w
        : throw new ArgumentException($"unknown adapter '{id}' (loaded: {string.Join(", ", _adapters.Keys.Order())})");

    public void Dispose()
    {
        lock (_gate)
        {
            foreach (var w in _adapters.Values) w.Release();
            _adapters.Clear();
        }
    }
}
