using System.Text.Json;

namespace AssistantBuilder.Engine.Checkpoints;

/// <summary>
/// The weights of an HF model folder: one <c>model.safetensors</c>, or shards listed by
/// <c>model.safetensors.index.json</c> (<c>{"weight_map": {name: file}}</c>).
/// </summary>
public sealed class CheckpointReader : IDisposable
{
    readonly List<SafeTensorsFile> _files = [];
    readonly Dictionary<string, (SafeTensorsFile File, TensorEntry Entry)> _byName = new(StringComparer.Ordinal);

    public string Directory { get; }
    public IEnumerable<TensorEntry> Entries => _byName.Values.Select(v => v.Entry);

    CheckpointReader(string directory) => Directory = directory;

    public static CheckpointReader Open(string directory)
    {
        var reader = new CheckpointReader(directory);
        try
        {
            foreach (var file in ShardFiles(directory)) reader.Add(SafeTensorsFile.Open(file));
            return reader;
        }
        catch { reader.Dispose(); throw; }
    }

    static IEnumerable<string> ShardFiles(string directory)
    {
        string single = Path.Combine(directory, "model.safetensors");
        string index = Path.Combine(directory, "model.safetensors.index.json");
        if (File.Exists(single)) return [single];
        if (!File.Exists(index))
            throw new CheckpointException($"{directory}: no model.safetensors or model.safetensors.index.json (only safetensors weights are supported)");
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(index));
            return doc.RootElement.GetProperty("weight_map").EnumerateObject()
                .Select(p => p.Value.GetString()!).Distinct().Select(f => Path.Combine(directory, f)).ToList();
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            throw new CheckpointException($"{index}: not a valid shard index ({ex.Message})", ex);
        }
    }

    void Add(SafeTensorsFile file)
    {
        _files.Add(file);
        foreach (var entry in file.Tensors.Values)
            if (!_byName.TryAdd(entry.Name, (file, entry)))
                throw new CheckpointException($"{file.Path}: tensor '{entry.Name}' also appears in {_byName[entry.Name].File.Path}");
    }

    public bool TryGet(string name, out TensorEntry entry)
    {
        bool found = _byName.TryGetValue(name, out var v);
        entry = v.Entry;
        return found;
    }

    public void CopyInto(string name, TorchSharp.torch.Tensor destination) => _byName[name].File.CopyInto(_byName[name].Entry, destination);

    public void Dispose() { foreach (var f in _files) f.Dispose(); }
}
