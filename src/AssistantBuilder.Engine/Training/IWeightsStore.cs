using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Engine.Training;

/// <summary>What a training run saves and restores: a LoRA adapter, or the whole model when training from scratch.</summary>
public interface IWeightsStore
{
    /// <summary>Stands for the weights' layout in a checkpoint's fingerprint: a resumed run must have the same.</summary>
    string Describe(CausalLm model);

    void Save(CausalLm model, string directory);

    void Load(CausalLm model, string directory);
}
