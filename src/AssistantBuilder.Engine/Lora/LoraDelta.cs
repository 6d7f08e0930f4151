using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Lora;

/// <summary>One projection's part of an adapter: A [r, in] and B [out, r] (fp32) and the scaling alpha / r (or alpha / sqrt(r)).</summary>
public sealed record LoraDelta(Tensor A, Tensor B, double Scaling);
