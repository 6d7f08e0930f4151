using System.CommandLine;
using System.Text.Json;
using AssistantBuilder.Engine.Benchmarks;
using AssistantBuilder.Engine.Modeling;

namespace AssistantBuilder.Cli.Commands;

/// <summary><c>ab bench inference</c>: prefill and decode speed at batch 1 against the memory-bandwidth bound.</summary>
static class BenchCommand
{
    public static Command Create()
    {
        var bench = new Command("bench", "Measure the engine: inference and training speed, and what fine-tuning teaches a model.");
        bench.Subcommands.Add(Inference());
        bench.Subcommands.Add(BenchTrainCommand.Create());
        bench.Subcommands.Add(BenchServeCommand.Create());
        bench.Subcommands.Add(BenchHttpCommand.Create());
        bench.Subcommands.Add(BenchFinetuneCommand.Create());
        bench.Subcommands.Add(Linear());
        return bench;
    }

    static Command Inference()
    {
        var device = CommonOptions.Device();
        var dtype = new Option<string>("--dtype") { Description = "auto (bf16 on CUDA, fp32 on CPU), fp32, bf16 or fp16.", DefaultValueFactory = _ => "auto" };
        var prompt = new Option<int>("--prompt-tokens") { Description = "Prompt length for the prefill measurement.", DefaultValueFactory = _ => 128 };
        var decode = new Option<int>("--decode-tokens") { Description = "Tokens decoded per measurement.", DefaultValueFactory = _ => 64 };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for libtorch (default: all cores)." };
        var json = CommonOptions.Json("Print one JSON object instead of a table.");
        var command = new Command("inference", "Prefill and decode tokens/s at batch 1 on a SmolLM2-135M-shaped model, as a fraction of the memory-bandwidth bound.")
        {
            device, dtype, prompt, decode, threads, json,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(threads) is int n) TorchSharp.torch.set_num_threads(n);
            var dev = DeviceSelector.Resolve(result.GetValue(device)!);
            var r = InferenceBenchmark.Run(InferenceBenchmark.SmolLm2_135M, dev, DeviceSelector.ComputeDtype(dev, result.GetValue(dtype)),
                result.GetValue(prompt), result.GetValue(decode));
            Console.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(r with { }, JsonDefaults.Snake) : Table(r));
        });
        return command;
    }

    static Command Linear()
    {
        var rows = new Option<string>("--rows") { Description = "Batch rows (sequences decoded together), comma-separated.", DefaultValueFactory = _ => "1,2,4,8,16" };
        var repeats = new Option<int>("--repeats") { Description = "Timed passes per row count (the fastest is reported).", DefaultValueFactory = _ => 10 };
        var threads = new Option<int?>("--threads") { Description = "CPU threads for libtorch (default: all cores)." };
        var command = new Command("linear", "The weight products of one SmolLM2-135M-shaped decode step at M rows: F.linear against (W·xᵀ)ᵀ, on the CPU.")
        {
            rows, repeats, threads,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(threads) is int n) TorchSharp.torch.set_num_threads(n);
            var counts = result.GetValue(rows)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
            Console.WriteLine($"SmolLM2-135M shape, fp32 on cpu, {TorchSharp.torch.get_num_threads()} threads; fastest of {result.GetValue(repeats)} passes");
            Console.WriteLine("rows  products  weights MB  F.linear wall ms  CPU ms  CPU ms/row  (W·xT)T wall ms  CPU ms");
            foreach (var r in LinearBenchmark.Run(InferenceBenchmark.SmolLm2_135M, counts, result.GetValue(repeats)))
                Console.WriteLine($"{r.Rows,4}  {r.Products,8}  {r.WeightBytes / 1e6,10:F1}  {r.LinearMs,16:F1}  {r.LinearCpuMs,6:F0}  {r.LinearCpuMs / r.Rows,10:F1}  {r.TransposedMs,15:F1}  {r.TransposedCpuMs,6:F0}");
        });
        return command;
    }

    static string Table(InferenceBenchResult r) => string.Join(Environment.NewLine,
        $"model              SmolLM2-135M shape, random weights, {r.Parameters / 1e6:F1}M parameters, {r.Dtype} on {r.Device}, {r.Threads} threads",
        $"weight bytes/token {r.WeightBytesPerToken / 1e6:F1} MB",
        $"memory bandwidth   read {r.ReadBandwidthBytesPerSecond / 1e9:F2} GB/s, copy {r.CopyBandwidthBytesPerSecond / 1e9:F2} GB/s",
        $"prefill            {r.PrefillTokensPerSecond:F1} tokens/s ({r.PrefillTokens}-token prompt)",
        $"decode             {r.DecodeTokensPerSecond:F2} tokens/s ({r.DecodeTokens} tokens)",
        $"bandwidth bound    {r.DecodeBoundTokensPerSecond:F2} tokens/s -> decode at {r.FractionOfBound:P0} of the bound",
        $"paired             {r.Pairs} tokens, each next to a {r.WeightBytesPerToken / 1e6:F1} MB read: decode at {r.PairedFraction:P0} of the bound (median; quartiles {r.PairedFractionLow:P0}-{r.PairedFractionHigh:P0})");
}
