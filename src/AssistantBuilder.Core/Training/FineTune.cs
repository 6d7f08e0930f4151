using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Core.Training;

/// <summary>
/// A LoRA fine-tune from a model folder and a conversations file: seeds torch (the adapter's A matrices are drawn
/// when the model is built), loads the model with the adapter, prepares the data,
/// settles the learning rate, epochs and batch size (<see cref="LoraDefaults"/> for those not given), and hands a ready <see cref="Trainer"/> to the caller, who runs it with its own progress display.
/// </summary>
public static class FineTune
{
    public static T Run<T>(FineTuneRequest request, Action<FineTuneSetup> onSetup, Func<Trainer, T> run)
    {
        var standard = LoraDefaults.Standard;
        var options = request.Options with
        {
            LearningRate = request.LearningRate ?? standard.LearningRate, Epochs = request.Epochs ?? standard.Epochs, BatchSize = request.BatchSize ?? standard.BatchSize,
        };
        options.Validate();
        if (request.MaxSeqLen < 8) throw new ArgumentException($"the longest conversation must be at least 8 tokens (got {request.MaxSeqLen})");
        var lora = request.Lora with { BaseModelNameOrPath = Path.GetFullPath(request.ModelDirectory) };
        TorchSharp.torch.manual_seed(options.Seed);
        using var chat = ChatModel.LoadForTraining(request.ModelDirectory, lora, request.Device);
        long parameters = LoraDefaults.BaseParameters(chat.Model);
        var profile = LoraDefaults.For(parameters);
        options = options with
        {
            LearningRate = request.LearningRate ?? profile.LearningRate, Epochs = request.Epochs ?? profile.Epochs, BatchSize = request.BatchSize ?? profile.BatchSize,
        };
        var defaulted = new[] { ("learning rate", request.LearningRate is null), ("epochs", request.Epochs is null), ("batch size", request.BatchSize is null) }
            .Where(x => x.Item2).Select(x => x.Item1).ToList();
        int maxSeqLen = Math.Min(request.MaxSeqLen, chat.Model.Config.MaxPositionEmbeddings); // never past the model's context
        var data = TrainingData.Prepare(chat, request.DataPath, request.Import, request.ValidationPath, maxSeqLen, options.Seed);
        onSetup(new FineTuneSetup(data, options, parameters, defaulted));
        int padId = chat.Tokenizer.TokenToId("<|endoftext|>") ?? chat.EosTokenIds[0]; // padding is masked out: any id will do
        var trainer = new Trainer(chat.Model, new AdapterWeights(lora), options, data.Train, data.Validation, padId, request.OutputDirectory);
        return run(trainer);
    }
}
