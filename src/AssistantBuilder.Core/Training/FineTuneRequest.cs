using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Training;
using TorchSharp;

namespace AssistantBuilder.Core.Training;

/// <summary>
/// One LoRA fine-tune, as <c>ab train</c> takes it. A null <see cref="LearningRate"/> picks
/// <see cref="LoraDefaults.LearningRateFor"/> from the model's size; <see cref="Options"/>' own rate is then ignored.
/// </summary>
public sealed record FineTuneRequest(string ModelDirectory, string DataPath, string OutputDirectory)
{
    public ImportOptions Import { get; init; } = new();
    public string? ValidationPath { get; init; }
    public LoraConfig Lora { get; init; } = new();
    public TrainOptions Options { get; init; } = new();
    public double? LearningRate { get; init; }
    public int MaxSeqLen { get; init; } = 1024;
    public torch.Device? Device { get; init; }
}
