using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Modeling;

/// <summary>
/// What every layer needs besides its input: rotary tables for the current positions (shared, or per row when
/// independent sequences decode together), the attention mask, and the KV cache (null in training or when
/// generating without a cache).
/// </summary>
public sealed record ForwardContext(
    Tensor Cos,      // [T, D], or [B, 1, T, D] when each row has its own positions
    Tensor Sin,      // same shape, first half negated (see Rotary.Apply)
    Tensor? Mask,    // [B or 1, T, S] bool, true = may attend; null = attend to every key (one query token)
    IKvCache? Cache,
    long Start,      // position of the first input token (-1 when each row has its own)
    bool Causal = false); // plain causal attention over the inputs alone (Mask is null)
