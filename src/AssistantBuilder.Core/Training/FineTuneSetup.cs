using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Core.Training;

/// <summary>What a fine-tune settled on before its first step: the data, and the learning rate with where it came from.</summary>
public sealed record FineTuneSetup(PreparedData Data, TrainOptions Options, long BaseParameters, bool LearningRateIsDefault)
{
    public string LearningRateSource => LearningRateIsDefault ? LoraDefaults.Describe(BaseParameters) : "--learning-rate";
}
