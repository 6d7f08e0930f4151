namespace AssistantBuilder.Core.Training;

/// <summary>The settings of a LoRA fine-tune that <c>ab train</c> picks from the model's size when they are not given.</summary>
public sealed record LoraProfile(double LearningRate, int Epochs, int BatchSize);
