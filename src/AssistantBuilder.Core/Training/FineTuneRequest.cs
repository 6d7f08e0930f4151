using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Training;
using TorchSharp;

namespace AssistantBuilder.Core.Training;

/// <summary>
/// One LoRA fine-tune, as <c>ab train</c> takes it. A null <see cref="LearningRate"/>, <see cref="Epochs"/> or
/// <see cref="BatchSize"/> is taken from <see cref="LoraDefaults.For"/> the model's size; <see cref="Options"/>' own
/// values of those three are ignored.
/// </summary>
public sealed record FineTuneRequest(string ModelDirectory, string DataPath, string OutputDirectory)
{
    public ImportOptions Import { get; init; } = new();
    public string? ValidationPath { get; init; }
    public LoraConfig Lora { get; init; } = new();
    public TrainOptions Options { get; init; } = new();
    public double? LearningRate { get; init; }
    public int? Epochs { get; init; }
    public int? BatchSize { get; init; }
    public int MaxSeqLen { get; init; } = 1024;
    public torch.Device? Device { get; init; }
}
