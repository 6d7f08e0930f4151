using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>
/// Preallocated keys and values for every layer: [B, KVH, capacity, D]. New entries are written in place,
/// so decoding one token copies only that token's keys and values.
/// </summary>
public sealed class KvCache : IKvCache, IDisposable
{
    readonly Tensor[] _keys, _values;

    public long Length { get; private set; }
    public long Capacity { get; }

    public KvCache(ModelConfig config, long batch, long capacity, Device device, ScalarType dtype)
    {
        Capacity = capacity;
        long[] shape = [batch, config.NumKeyValueHeads, capacity, config.HeadDim];
        _keys = Enumerable.Range(0, config.NumHiddenLayers).Select(_ => zeros(shape, dtype, device).DetachFromDisposeScope()).ToArray();
        _values = Enumerable.Range(0, config.NumHiddenLayers).Select(_ => zeros(shape, dtype, device).DetachFromDisposeScope()).ToArray();
    }

    /// <summary>A cache over existing per-layer buffers ([B, KVH, capacity, D], e.g. views of a larger cache), empty so far.</summary>
    internal KvCache(Tensor[] keys, Tensor[] values) => (_keys, _values, Capacity) = (keys, values, keys[0].shape[2]);

    /// <summary>Writes k, v ([B, KVH, T, D]) at <paramref name="start"/>; returns all keys and values so far ([B, KVH, start + T, D]).</summary>
    public (Tensor Keys, Tensor Values) Append(int layer, long start, Tensor k, Tensor v)
    {
        long t = k.shape[2];
        if (start + t > Capacity) throw new InvalidOperationException($"KV cache full: {start + t} positions needed, capacity {Capacity}");
        Write(_keys[layer], start, k);
        Write(_values[layer], start, v);
        return (_keys[layer].narrow(2, 0, start + t), _values[layer].narrow(2, 0, start + t));
    }

    static void Write(Tensor buffer, long start, Tensor x)
    {
        if (CpuKernels.Applies(buffer, x)) CpuKernels.WriteAt(buffer, start, x);
        else buffer.narrow(2, start, x.shape[2]).copy_(x);
    }

    /// <summary>Marks <paramref name="count"/> more positions as filled, once every layer has appended them.</summary>
    public void Advance(long count) => Length += count;

    public void Dispose()
    {
        foreach (var t in _keys.Concat(_values)) t.Dispose();
    }
}
