using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>
/// What every layer needs besides its input: rotary tables for the current positions, the attention mask,
/// and the KV cache (null in training or when generating without a cache).
/// </summary>
public sealed record ForwardContext(
    Tensor Cos,      // [T, D]
    Tensor Sin,      // [T, D], first half negated (see Rotary.Apply)
    Tensor? Mask,    // [B or 1, T, S] bool, true = may attend; null = attend to every key (one query token)
    KvCache? Cache,
    long Start,      // position of the first input token
    bool Causal = false); // plain causal attention over the inputs alone (Mask is null)
