using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Core.Training;

/// <summary>
/// The learning rate, epochs and batch size <c>ab train</c> uses when they are not given, chosen from the base
/// model's size. Models of <see cref="SmallModelParameters"/> and more (SmolLM2-135M, Qwen2.5-0.5B, TinyLlama and
/// up) get the usual LoRA settings, <see cref="Standard"/>: 2e-4, 3 epochs, 8 conversations a batch. A smaller
/// model (such as the project's 5.4M-parameter default model) barely moves at 2e-4, and an epoch costs it seconds,
/// so it gets <see cref="SmallModel"/>: 5e-3, 8 epochs, 4 conversations a batch. On the sample domains, 8 epochs
/// doubled held-out fact recall over 4 (Brightwave 7% to 16%, Crumb &amp; Co. 9% to 19%; docs/benchmarks.md), and
/// smaller batches or a lower rate did worse.
/// </summary>
public static class LoraDefaults
{
    public const long SmallModelParameters = 50_000_000;
    public static readonly LoraProfile Standard = new(LearningRate: 2e-4, Epochs: 3, BatchSize: 8);
    public static readonly LoraProfile SmallModel = new(LearningRate: 5e-3, Epochs: 8, BatchSize: 4);

    public static LoraProfile For(long baseParameters) => baseParameters < SmallModelParameters ? SmallModel : Standard;

    /// <summary>The base model's parameters: everything but the LoRA adapter.</summary>
    public static long BaseParameters(CausalLm model) => model.named_parameters().Where(p => !p.name.Contains("lora_", StringComparison.Ordinal)).Sum(p => p.parameter.numel());

    /// <summary>Why these settings, e.g. "defaults for a model of 5.4M parameters (under 50M)".</summary>
    public static string Describe(long baseParameters) =>
        $"defaults for a model of {baseParameters / 1e6:0.#}M parameters ({(baseParameters < SmallModelParameters ? "under" : "at least")} {SmallModelParameters / 1_000_000}M)";
}
