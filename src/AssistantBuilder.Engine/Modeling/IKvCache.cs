using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>Where attention keeps the keys and values of earlier positions: one sequence batch, or per-sequence slots.</summary>
public interface IKvCache
{
    /// <summary>
    /// Stores this step's keys and values ([B, KVH, T, D]) and returns every key and value each row may attend to
    /// ([B, KVH, S, D]). <paramref name="start"/> is the position of the first new token, for caches that share one.
    /// </summary>
    (Tensor Keys, Tensor Values) Append(int layer, long start, Tensor k, Tensor v);
}
