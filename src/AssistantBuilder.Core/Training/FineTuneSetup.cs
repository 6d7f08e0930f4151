using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Core.Training;

/// <summary>What a fine-tune settled on before its first step: the data, and the options with which of them came from <see cref="LoraDefaults"/>.</summary>
public sealed record FineTuneSetup(PreparedData Data, TrainOptions Options, long BaseParameters, IReadOnlyList<string> Defaulted)
{
    /// <summary>E.g. "learning rate, epochs, batch size: defaults for a model of 5.4M parameters (under 50M)".</summary>
    public string Source => Defaulted.Count == 0 ? "as given" : $"{string.Join(", ", Defaulted)}: {LoraDefaults.Describe(BaseParameters)}";
}
