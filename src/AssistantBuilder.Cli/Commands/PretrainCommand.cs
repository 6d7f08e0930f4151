using System.CommandLine;
using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Core.Training;
using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Tokenization;
using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Cli.Commands;

/// <summary>
/// <c>ab pretrain</c>: a model trained from scratch with the same loop as LoRA fine-tuning (checkpoints, resume,
/// progress, JSON events): stage 1 on plain text, then an optional chat stage on conversations (assistant tokens only).
/// </summary>
static class PretrainCommand
{
    static readonly Option<FileInfo> Config = new("--config") { Description = "The new model's config.json (Llama architecture; vocab_size and token ids are taken from the tokenizer).", Required = true };
    static readonly Option<string> Tokenizer = new("--tokenizer") { Description = "Folder with tokenizer.json and tokenizer_config.json (from ab tokenizer train).", Required = true };
    static readonly Option<FileInfo[]> Corpus = new("--corpus") { Description = "Plain-text files (repeatable); documents separated by <|endoftext|>.", Required = true, AllowMultipleArgumentsPerToken = false };
    static readonly Option<string?> Init = new("--init") { Description = "Start the text stage from this model folder's weights and config.json (continue pretraining) instead of random ones." };
    static readonly Option<FileInfo?> Chat = new("--chat") { Description = "Conversations for the chat stage (any import format)." };
    static readonly Option<string> Out = new("--out") { Description = "Output folder: the final model; stages and checkpoints in pretrain/ and chat/.", Required = true };
    static readonly Option<int> SeqLen = new("--seq-len") { Description = "Tokens per training block (and longest chat conversation).", DefaultValueFactory = _ => 256 };
    static readonly Option<int> Epochs = new("--epochs") { Description = "Passes over the corpus.", DefaultValueFactory = _ => 1 };
    static readonly Option<int> ChatEpochs = new("--chat-epochs") { Description = "Passes over the conversations.", DefaultValueFactory = _ => 2 };
    static readonly Option<double> LearningRate = new("--learning-rate") { Description = "Peak learning rate of the text stage.", DefaultValueFactory = _ => 1e-3 };
    static readonly Option<double> ChatLearningRate = new("--chat-learning-rate") { Description = "Peak learning rate of the chat stage.", DefaultValueFactory = _ => 3e-4 };
    static readonly Option<int> BatchSize = new("--batch-size") { Description = "Blocks or conversations per step.", DefaultValueFactory = _ => 16 };
    static readonly Option<int> Seed = new("--seed") { Description = "Seed for initialisation, data order and splits.", DefaultValueFactory = _ => 42 };
    static readonly Option<int> SaveEvery = new("--save-every") { Description = "Write a resumable checkpoint every N steps.", DefaultValueFactory = _ => 200 };
    static readonly Option<bool> Resume = new("--resume") { Description = "Continue from the latest checkpoint of the unfinished stage." };
    static readonly Option<string> Device = CommonOptions.Device();
    static readonly Option<bool> Json = CommonOptions.Json("Print JSON lines: stage, data, step, eval, checkpoint and done events.");

    public static Command Create()
    {
        var command = new Command("pretrain", "Train a small model from scratch on plain text, then on conversations; writes a Hugging Face model folder.")
        {
            Config, Tokenizer, Corpus, Init, Chat, Out, SeqLen, Epochs, ChatEpochs, LearningRate, ChatLearningRate, BatchSize, Seed, SaveEvery, Resume, Device, Json,
        };
        command.SetAction((r, ct) => CliErrors.Run(() => Task.FromResult(Run(r, ct))));
        return command;
    }

    static int Run(ParseResult r, CancellationToken ct)
    {
        TrainingHeap.Configure(); // keep freed activations in the heap between steps (see TrainingHeap)
        var device = DeviceSelector.Resolve(r.GetValue(Device)!);
        string tokenizerDir = r.GetValue(Tokenizer)!, outDir = r.GetValue(Out)!;
        var tokenizer = HfTokenizer.FromFile(Path.Combine(tokenizerDir, "tokenizer.json"));
        var ids = PretrainIds.From(tokenizer);
        var config = ModelConfig.FromFile(r.GetValue(Config)!.FullName);
        config = config with
        {
            VocabSize = tokenizer.VocabSize, BosTokenId = ids.ImStart, EosTokenIds = [ids.ImEnd],
            MaxPositionEmbeddings = Math.Max(config.MaxPositionEmbeddings, r.GetValue(SeqLen)),
        };
        using var stop = new StopSignals(ct);
        var report = new StageReport(r.GetValue(Json));

        string textDir = Path.Combine(outDir, "pretrain");
        if (!StageReport.IsDone(textDir))
        {
            report.Stage("pretrain");
            TorchSharp.torch.manual_seed(r.GetValue(Seed));
            using var model = r.GetValue(Init) is string init ? ModelLoader.Load(init, device) : new CausalLm(config, device, DeviceSelector.ComputeDtype(device));
            if (r.GetValue(Init) is null) model.InitializeWeights();
            var blocks = PretrainCorpus.Blocks(r.GetValue(Corpus)!.Select(f => f.FullName), tokenizer, r.GetValue(SeqLen), ids.EndOfText);
            var validation = blocks.Where((_, i) => i % 100 == 99).ToList(); // every hundredth block is held out
            var train = blocks.Where((_, i) => i % 100 != 99).ToList();
            var options = Options(r, r.GetValue(Epochs), r.GetValue(LearningRate));
            var trainer = new Trainer(model, new FullWeights(tokenizerDir), options, train, validation, ids.EndOfText, textDir);
            if (!report.Run(trainer, r.GetValue(Resume), stop.Token, resumeOnlyIfStarted: true)) return 130;
            GenerationDefaults.Write(textDir, ids.ImEnd);
            StageReport.MarkDone(textDir);
        }
        string finalDir = textDir;
        if (r.GetValue(Chat) is { } chatFile)
        {
            finalDir = Path.Combine(outDir, "chat");
            if (!StageReport.IsDone(finalDir))
            {
                report.Stage("chat");
                using var chat = ChatModel.Load(textDir, device);
                var data = TrainingData.Prepare(chat, chatFile.FullName, new ImportOptions(), null, r.GetValue(SeqLen), r.GetValue(Seed));
                TrainReport.Data(data, r.GetValue(Json));
                var options = Options(r, r.GetValue(ChatEpochs), r.GetValue(ChatLearningRate));
                var trainer = new Trainer(chat.Model, new FullWeights(textDir), options, data.Train, data.Validation, ids.EndOfText, finalDir);
                if (!report.Run(trainer, r.GetValue(Resume), stop.Token, resumeOnlyIfStarted: true)) return 130;
                StageReport.MarkDone(finalDir);
            }
        }
        foreach (var file in Directory.GetFiles(finalDir).Where(f => !f.EndsWith(StageReport.DoneMarker)))
            File.Copy(file, Path.Combine(outDir, Path.GetFileName(file)), overwrite: true);
        Console.Error.WriteLine($"model written to {Path.GetFullPath(outDir)}");
        return 0;
    }

    static TrainOptions Options(ParseResult r, int epochs, double learningRate) => new()
    {
        Epochs = epochs, LearningRate = learningRate, BatchSize = r.GetValue(BatchSize), MaxBatchTokens = 0, WarmupRatio = 0.02,
        WeightDecay = 0.1, Seed = r.GetValue(Seed), SaveEvery = r.GetValue(SaveEvery),
    };
}
