using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Lora;

/// <summary>
/// A PEFT LoRA adapter loaded beside a base model built with a <see cref="LoraRouter"/>: its A and B per projection
/// path, on the model's device in fp32, applied per request and never merged into the base weights.
/// </summary>
public sealed class LoraWeights : IDisposable
{
    int _references = 1; // the owner's; requests in flight take more

    public LoraConfig Config { get; }
    public IReadOnlyDictionary<string, LoraDelta> Deltas { get; }

    LoraWeights(LoraConfig config, Dictionary<string, LoraDelta> deltas) => (Config, Deltas) = (config, deltas);

    /// <summary>Reads an adapter folder; every key and shape is checked against the model's projections first.</summary>
    public static LoraWeights Load(string directory, CausalLm model)
    {
        var config = PeftAdapter.ReadConfig(directory);
        string path = Path.Combine(directory, PeftAdapter.WeightsFile);
        using var file = SafeTensorsFile.Open(path);
        var byKey = file.Tensors.Values.ToDictionary(e => PeftAdapter.Normalize(e.Name));
        var expected = model.RoutedLayers().Where(l => config.Targets(l.Path)).SelectMany(l => new[]
        {
            (l.Path, Key: $"{PeftAdapter.Prefix}{l.Path}.lora_A.weight", Shape: new[] { (long)config.RankFor(l.Path), l.Layer.InFeatures }),
            (l.Path, Key: $"{PeftAdapter.Prefix}{l.Path}.lora_B.weight", Shape: new[] { l.Layer.OutFeatures, (long)config.RankFor(l.Path) }),
        }).ToList();
        var problems = new List<string>();
        if (expected.Count == 0) problems.Add("the adapter config targets none of the model's projections");
        problems.AddRange(expected.Where(e => !byKey.ContainsKey(e.Key)).Select(e => $"missing '{e.Key}'"));
        problems.AddRange(byKey.Keys.Except(expected.Select(e => e.Key)).Select(k => $"unexpected '{k}'"));
        problems.AddRange(expected.Where(e => byKey.TryGetValue(e.Key, out var t) && !t.Shape.SequenceEqual(e.Shape))
            .Select(e => $"'{e.Key}' has shape {byKey[e.Key].ShapeText}, expected [{string.Join(", ", e.Shape)}]"));
        if (problems.Count > 0)
            throw new CheckpointException($"{path}: adapter does not fit the model: {string.Join("; ", problems.Take(8))}{(problems.Count > 8 ? $" and {problems.Count - 8} more" : "")}");
        var deltas = expected.GroupBy(e => e.Path).ToDictionary(g => g.Key, g => new LoraDelta(
            Load(file, byKey[g.First().Key].Name, model.Device), Load(file, byKey[g.Last().Key].Name, model.Device), config.ScalingFor(g.Key)));
        return new LoraWeights(config, deltas);
    }

    static Tensor Load(SafeTensorsFile file, string name, Device device)
    {
        using var stored = file.Load(name);
        return stored.to(ScalarType.Float32, device, copy: true).DetachFromDisposeScope();
    }

    /// <summary>Takes a reference for a request; false once the weights are released for good.</summary>
    public bool TryAcquire()
    {
        for (int n = Volatile.Read(ref _references); n > 0; n = Volatile.Read(ref _references))
            if (Interlocked.CompareExchange(ref _references, n + 1, n) == n) return true;
        return false;
    }

    /// <summary>Gives a reference back; the last one frees the tensors.</summary>
    public void Release()
    {
        if (Interlocked.Decrement(ref _references) == 0) Dispose();
    }

    public void Dispose()
    {
        foreach (var d in Deltas.Values) { d.A.Dispose(); d.B.Dispose(); }
    }
}
