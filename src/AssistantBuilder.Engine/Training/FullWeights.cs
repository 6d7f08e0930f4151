using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Training;

/// <summary>
/// A full-parameter run's weights: a complete HF model folder (config.json, model.safetensors and, when given,
/// the tokenizer files), so every checkpoint is itself a usable model.
/// </summary>
public sealed class FullWeights(string? tokenizerDirectory = null) : IWeightsStore
{
    public string Describe(CausalLm model) => "full: " + model.Config.ToJson();

    public void Save(CausalLm model, string directory) => ModelSaver.Save(model, directory, copyTokenizerFrom: tokenizerDirectory);

    public void Load(CausalLm model, string directory)
    {
        using var file = SafeTensorsFile.Open(Path.Combine(directory, "model.safetensors"));
        using var noGrad = no_grad();
        foreach (var (name, parameter) in model.named_parameters())
        {
            if (!file.Tensors.ContainsKey(name)) throw new CheckpointException($"{file.Path}: no tensor '{name}'");
            using var stored = file.Load(name);
            parameter.copy_(stored);
        }
    }
}
