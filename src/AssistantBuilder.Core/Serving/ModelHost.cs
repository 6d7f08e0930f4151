using System.Collections.Concurrent;
using AssistantBuilder.Engine.Serving;

namespace AssistantBuilder.Core.Serving;

/// <summary>
/// The base models being served, each loaded once (on first use) with one <see cref="ServingEngine"/> that every
/// assistant on that model shares; adapters are applied per request on top of it.
/// </summary>
public sealed class ModelHost(ServingOptions? options = null, string device = "auto") : IDisposable
{
    readonly ConcurrentDictionary<string, Lazy<ServedModel>> _models = new(StringComparer.Ordinal);

    /// <summary>The served model for a folder, loading it the first time (callers racing for it share one load).</summary>
    public ServedModel Get(string modelDirectory)
    {
        var key = Key(modelDirectory);
        var lazy = _models.GetOrAdd(key, k => new Lazy<ServedModel>(() => ServedModel.Load(k, device, options)));
        try { return lazy.Value; }
        catch { _models.TryRemove(new KeyValuePair<string, Lazy<ServedModel>>(key, lazy)); throw; } // let a fixed folder load later
    }

    /// <summary>Models loaded so far.</summary>
    public IReadOnlyList<ServedModel> Loaded => _models.Values.Where(l => l.IsValueCreated).Select(l => l.Value).ToList();

    /// <summary>Unloads a model (after its folder changed); requests in flight on it fail.</summary>
    public void Unload(string modelDirectory)
    {
        if (_models.TryRemove(Key(modelDirectory), out var lazy) && lazy.IsValueCreated) lazy.Value.Dispose();
    }

    static string Key(string directory) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(directory));

    public void Dispose()
    {
        foreach (var lazy in _models.Values.Where(l => l.IsValueCreated)) lazy.Value.Dispose();
        _models.Clear();
    }
}
