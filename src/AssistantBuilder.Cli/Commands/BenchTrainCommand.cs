using System.CommandLine;
using System.Text.Json;
using AssistantBuilder.Engine.Benchmarks;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Cli.Commands;

/// <summary><c>ab bench train</c>: LoRA training tokens/s, peak memory and MFU.</summary>
static class BenchTrainCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "A model folder to measure (default: a SmolLM2-135M-shaped model with random weights)." };
        var device = CommonOptions.Device();
        var seqLen = new Option<int>("--seq-len") { Description = "Tokens per sequence.", DefaultValueFactory = _ => 512 };
        var batch = new Option<int>("--batch-size") { Description = "Sequences per step.", DefaultValueFactory = _ => 4 };
        var steps = new Option<int>("--steps") { Description = "Timed steps (after one warm-up step); the fastest counts.", DefaultValueFactory = _ => 5 };
        var rank = new Option<int>("--lora-rank") { Description = "LoRA rank on all linear projections.", DefaultValueFactory = _ => 16 };
        var dropout = new Option<double>("--lora-dropout") { Description = "Dropout on the LoRA input (default: the product's, as ab train uses).", DefaultValueFactory = _ => new LoraConfig().LoraDropout };
        var json = CommonOptions.Json("Print one JSON object instead of a table.");
        var command = new Command("train", "LoRA training throughput at a given sequence length, peak memory and model FLOPs utilisation against the measured fp32 matmul peak.")
        {
            model, device, seqLen, batch, steps, rank, dropout, json,
        };
        command.SetAction((r, ct) => CliErrors.Run(() =>
        {
            bool tunedHeap = TrainingHeap.Configure(); // as ab train does
            var dev = DeviceSelector.Resolve(r.GetValue(device)!);
            var lora = new LoraConfig { R = r.GetValue(rank), LoraAlpha = 2 * r.GetValue(rank), LoraDropout = r.GetValue(dropout) };
            lora.Validate();
            TorchSharp.torch.manual_seed(0);
            using var m = r.GetValue(model) is string dir ? ModelLoader.Load(dir, dev, lora: lora)
                : new CausalLm(InferenceBenchmark.SmolLm2_135M, dev, DeviceSelector.ComputeDtype(dev), lora);
            var result = TrainingBenchmark.Run(m, r.GetValue(seqLen), r.GetValue(batch), r.GetValue(steps));
            string name = r.GetValue(model) is string d ? Path.GetFileName(Path.GetFullPath(d)) : "SmolLM2-135M shape, random weights";
            Console.WriteLine(r.GetValue(json) ? JsonSerializer.Serialize(new { model = name, result, lora_dropout = lora.LoraDropout, tuned_heap = tunedHeap, achieved_flops = result.AchievedFlops, mfu = result.Mfu }, JsonDefaults.Snake) : string.Join(Environment.NewLine,
                $"model             {name}, {result.TrainableParameters / 1e6:F2}M trainable LoRA parameters, {result.Dtype} on {result.Device}, {result.Threads} threads",
                $"LoRA              rank {lora.R}, alpha {lora.LoraAlpha}, dropout {lora.LoraDropout} on {string.Join(", ", lora.TargetModules)}",
                $"heap              {(tunedHeap ? "glibc malloc tuned for training (no mmap, trim at 1 GiB)" : "allocator defaults")}",
                $"batch             {result.BatchSize} x {result.SequenceLength} tokens",
                $"throughput        {result.TokensPerSecond:F1} trained tokens/s",
                $"model FLOPs       {result.FlopsPerToken / 1e6:F0} MFLOP/token -> {result.AchievedFlops / 1e9:F1} GFLOP/s",
                $"fp32 matmul peak  {result.MatmulPeakFlops / 1e9:F1} GFLOP/s (2048x2048 sgemm, same run)",
                $"MFU               {result.Mfu:P0}",
                $"peak memory       {result.PeakResidentBytes / 1e9:F2} GB resident"));
            return Task.FromResult(0);
        }));
        return command;
    }
}
