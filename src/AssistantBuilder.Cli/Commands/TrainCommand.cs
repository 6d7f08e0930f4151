using System.CommandLine;
using AssistantBuilder.Core.Datasets;
using AssistantBuilder.Core.Training;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Cli.Commands;

/// <summary><c>ab train</c>: LoRA fine-tuning of a model folder on a conversations file, writing a PEFT adapter.</summary>
static class TrainCommand
{
    static readonly Option<string> Model = new("--model") { Description = "Base model folder (Hugging Face layout).", Required = true };
    static readonly Option<FileInfo> Data = new("--data") { Description = "Conversations: OpenAI chat JSONL, ShareGPT, Alpaca, CSV or a plain transcript.", Required = true };
    static readonly Option<FileInfo?> Validation = new("--validation") { Description = "Held-out conversations; without it 10% are split off by --seed (10 or more conversations)." };
    static readonly Option<string> Out = new("--out") { Description = "Output folder: the adapter, checkpoints/ and best/.", Required = true };
    static readonly Option<int?> Epochs = new("--epochs") { Description = $"Passes over the training set. Default: {LoraDefaults.Standard.Epochs}, or {LoraDefaults.SmallModel.Epochs} for small models (see --learning-rate)." };
    static readonly Option<double?> LearningRate = new("--learning-rate")
    {
        Description = $"Peak learning rate of AdamW (after warmup, then cosine decay). Default: {LoraDefaults.Standard.LearningRate:G} for models of " +
            $"{LoraDefaults.SmallModelParameters / 1_000_000}M parameters and more (SmolLM2, Qwen, ...); smaller ones such as data/models/default get " +
            $"{LoraDefaults.SmallModel.LearningRate:G}, {LoraDefaults.SmallModel.Epochs} epochs and batch size {LoraDefaults.SmallModel.BatchSize}. The values used are printed first.",
    };
    static readonly Option<int> Rank = new("--lora-rank") { Description = "LoRA rank r: size of the low-rank update.", DefaultValueFactory = _ => 16 };
    static readonly Option<double> Alpha = new("--lora-alpha") { Description = "LoRA alpha: the update is scaled by alpha / r.", DefaultValueFactory = _ => 32 };
    static readonly Option<double> Dropout = new("--lora-dropout") { Description = "Dropout on the LoRA input (0, as in PEFT: on small models and short runs it costs time and slows learning).", DefaultValueFactory = _ => 0.0 };
    static readonly Option<bool> Rslora = new("--rslora") { Description = "Scale by alpha / sqrt(r) (rank-stabilised LoRA)." };
    static readonly Option<string> Targets = new("--target-modules") { Description = "Comma-separated projections to adapt.", DefaultValueFactory = _ => string.Join(",", LoraConfig.AllLinear) };
    static readonly Option<int?> BatchSize = new("--batch-size") { Description = $"Conversations per micro-batch (grouped by length). Default: {LoraDefaults.Standard.BatchSize}, or {LoraDefaults.SmallModel.BatchSize} for small models (see --learning-rate)." };
    static readonly Option<int> BatchTokens = new("--batch-tokens") { Description = "Cap on a micro-batch's padded tokens, to bound memory (0 = no cap).", DefaultValueFactory = _ => 4096 };
    static readonly Option<int> GradAccum = new("--grad-accum") { Description = "Micro-batches per optimizer step.", DefaultValueFactory = _ => 1 };
    static readonly Option<int> MaxSeqLen = new("--max-seq-len") { Description = "Longest conversation in tokens (at most the model's context); longer ones are rejected with their line.", DefaultValueFactory = _ => 1024 };
    static readonly Option<double> Warmup = new("--warmup-ratio") { Description = "Fraction of steps spent warming the learning rate up.", DefaultValueFactory = _ => 0.03 };
    static readonly Option<int> Seed = new("--seed") { Description = "Seed for the adapter's initialisation, the data order, dropout and the split.", DefaultValueFactory = _ => 42 };
    static readonly Option<int> SaveEvery = new("--save-every") { Description = "Write a resumable checkpoint every N steps.", DefaultValueFactory = _ => 100 };
    static readonly Option<int> EvalEvery = new("--eval-every") { Description = "Also evaluate every N steps (0: at each epoch's end only).", DefaultValueFactory = _ => 0 };
    static readonly Option<int?> EarlyStopping = new("--early-stopping") { Description = "Stop after N evaluations without improvement, keeping the best adapter." };
    static readonly Option<bool> Resume = new("--resume") { Description = "Continue from the latest checkpoint in --out." };
    static readonly Option<string> Device = CommonOptions.Device();
    static readonly Option<bool> Json = CommonOptions.Json("Print JSON lines: step, eval, checkpoint and done events.");
    static readonly Option<int?> Threads = new("--threads") { Description = "CPU threads for libtorch (default: all cores)." };
    static readonly Option<bool> ExitWithParent = new("--exit-with-parent") { Description = "Stop gracefully (checkpoint, exit 130) when standard input closes, as when the parent process dies." };

    public static Command Create()
    {
        var command = new Command("train", "Fine-tune a model with LoRA on conversations; writes a PEFT adapter (adapter_config.json, adapter_model.safetensors).")
        {
            Model, Data, Validation, Out, Epochs, LearningRate, Rank, Alpha, Dropout, Rslora, Targets, BatchSize, BatchTokens, GradAccum,
            MaxSeqLen, Warmup, Seed, SaveEvery, EvalEvery, EarlyStopping, Resume, Device, Json,
            Threads, ExitWithParent,
        };
        foreach (var option in ImportCommandOptions.All) command.Options.Add(option);
        command.SetAction((result, ct) => CliErrors.Run(() => Task.FromResult(Run(result, ct))));
        return command;
    }

    static int Run(ParseResult r, CancellationToken ct)
    {
        TrainingHeap.Configure(); // keep freed activations in the heap between steps (see TrainingHeap)
        if (r.GetValue(Threads) is int threads)
        {
            if (threads < 1) throw new UserError($"--threads must be at least 1 (got {threads})");
            TorchSharp.torch.set_num_threads(threads);
        }
        if (r.GetValue(ExitWithParent)) ct = ParentWatch.UntilStdinCloses(ct);
        if (r.GetValue(MaxSeqLen) < 8) throw new UserError($"--max-seq-len must be at least 8 (got {r.GetValue(MaxSeqLen)})");
        var request = new FineTuneRequest(r.GetValue(Model)!, r.GetValue(Data)!.FullName, r.GetValue(Out)!)
        {
            Import = ImportCommandOptions.From(r),
            ValidationPath = r.GetValue(Validation)?.FullName,
            Lora = new LoraConfig
            {
                R = r.GetValue(Rank), LoraAlpha = r.GetValue(Alpha), LoraDropout = r.GetValue(Dropout), UseRslora = r.GetValue(Rslora),
                TargetModules = r.GetValue(Targets)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries),
            },
            Options = new TrainOptions
            {
                MaxBatchTokens = r.GetValue(BatchTokens), GradAccum = r.GetValue(GradAccum),
                WarmupRatio = r.GetValue(Warmup), Seed = r.GetValue(Seed), SaveEvery = r.GetValue(SaveEvery), EvalEvery = r.GetValue(EvalEvery),
                EarlyStoppingPatience = r.GetValue(EarlyStopping),
            },
            LearningRate = r.GetValue(LearningRate), Epochs = r.GetValue(Epochs), BatchSize = r.GetValue(BatchSize),
            MaxSeqLen = r.GetValue(MaxSeqLen),
            Device = DeviceSelector.Resolve(r.GetValue(Device)!),
        };
        bool json = r.GetValue(Json);
        using var stop = new StopSignals(ct);
        IDisposable? outputLock = null; // taken once the data is prepared, so a failed import leaves no folder
        try
        {
            return FineTune.Run(request, setup =>
            {
                TrainReport.Data(setup.Data, json);
                TrainReport.Settings(setup, json);
                outputLock = OutputLock.Acquire(request.OutputDirectory);
            }, trainer => new StageReport(json).Run(trainer, r.GetValue(Resume), stop.Token)) ? 0 : 130;
        }
        finally { outputLock?.Dispose(); }
    }
}
