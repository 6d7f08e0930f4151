using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Engine.Training;

/// <summary>A LoRA run's weights: the adapter alone, in PEFT's format.</summary>
public sealed class AdapterWeights(LoraConfig lora) : IWeightsStore
{
    public string Describe(CausalLm model) => lora.ToJson();

    public void Save(CausalLm model, string directory) => PeftAdapter.Save(model, directory, lora);

    public void Load(CausalLm model, string directory) => PeftAdapter.LoadWeights(model, directory);
}
