using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Core.Training;

/// <summary>
/// The learning rate <c>ab train</c> uses when none is given, chosen from the base model's size. Models of
/// 100M parameters and more (SmolLM2-135M, Qwen2.5-0.5B, TinyLlama and up) get the usual LoRA rate, 2e-4; a model
/// under <see cref="SmallModelParameters"/> (such as the project's 5.4M-parameter default model) barely moves at
/// that rate in a few epochs, so it gets <see cref="SmallModelLearningRate"/>.
/// </summary>
public static class LoraDefaults
{
    public const double LearningRate = 2e-4;
    public const double SmallModelLearningRate = 3e-3;
    public const long SmallModelParameters = 50_000_000;

    public static double LearningRateFor(long baseParameters) => baseParameters < SmallModelParameters ? SmallModelLearningRate : LearningRate;

    /// <summary>The base model's parameters: everything but the LoRA adapter (which is what training leaves trainable).</summary>
    public static long BaseParameters(CausalLm model) => model.named_parameters().Where(p => !p.name.Contains("lora_", StringComparison.Ordinal)).Sum(p => p.parameter.numel());

    /// <summary>Why this rate: for messages such as "learning rate 0.003 (default for a model of 5.4M parameters)".</summary>
    public static string Describe(long baseParameters) =>
        $"default for a model of {baseParameters / 1e6:0.#}M parameters: {(baseParameters < SmallModelParameters ? "under" : "at least")} {SmallModelParameters / 1_000_000}M";
}
