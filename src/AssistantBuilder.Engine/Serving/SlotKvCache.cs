using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Serving;

/// <summary>
/// Keys and values of independent sequences, one slot each: [Slots, KVH, MaxT, D] per layer. A batched decode step
/// feeds row i from slot i (the scheduler keeps its B active sequences in slots 0..B-1), each row writing its new
/// key and value at its own position; a prefill fills consecutive slots through an ordinary batch cache over them.
/// </summary>
sealed class SlotKvCache : IKvCache, IDisposable
{
    readonly Tensor[] _keys, _values;
    Tensor? _writeIndex; // [B, KVH, 1, D]: each row's position, for scatter
    long _rows, _span;

    public int Slots { get; }
    public long Capacity { get; }

    public SlotKvCache(ModelConfig config, int slots, long capacity, Device device, ScalarType dtype)
    {
        (Slots, Capacity) = (slots, capacity);
        long[] shape = [slots, config.NumKeyValueHeads, capacity, config.HeadDim];
        _keys = Enumerable.Range(0, config.NumHiddenLayers).Select(_ => zeros(shape, dtype, device).DetachFromDisposeScope()).ToArray();
        _values = Enumerable.Range(0, config.NumHiddenLayers).Select(_ => zeros(shape, dtype, device).DetachFromDisposeScope()).ToArray();
    }

    /// <summary>An empty cache over <paramref name="count"/> consecutive slots, for prefilling that many sequences together.</summary>
    public KvCache ForSlots(int first, int count) =>
        new(_keys.Select(k => k.narrow(0, first, count)).ToArray(), _values.Select(v => v.narrow(0, first, count)).ToArray()); // [N, KVH, MaxT, D] views

    /// <summary>Sets up the next decode step: rows 0..B-1 write at positions [B] and attend to the first <paramref name="span"/> keys.</summary>
    public void Prepare(Tensor positions, long span)
    {
        var shape = _keys[0].shape;
        (_rows, _span) = (positions.shape[0], span);
        _writeIndex = positions.view(_rows, 1, 1, 1).expand(_rows, shape[1], 1, shape[3]);
    }

    public (Tensor Keys, Tensor Values) Append(int layer, long start, Tensor k, Tensor v) // k, v [B, KVH, 1, D] -> [B, KVH, S, D]
    {
        var keys = _keys[layer].narrow(0, 0, _rows).scatter_(2, _writeIndex!, k);   // [B, KVH, MaxT, D], a view
        var values = _values[layer].narrow(0, 0, _rows).scatter_(2, _writeIndex!, v);
        return (keys.narrow(2, 0, _span), values.narrow(2, 0, _span));
    }

    /// <summary>Moves the first <paramref name="length"/> positions of one slot to another (to keep the active slots together).</summary>
    public void Move(int from, int to, long length)
    {
        using var scope = NewDisposeScope();
        foreach (var t in _keys.Concat(_values)) t.narrow(0, to, 1).narrow(2, 0, length).copy_(t.narrow(0, from, 1).narrow(2, 0, length));
    }

    public void Dispose()
    {
        foreach (var t in _keys.Concat(_values)) t.Dispose();
    }
}
