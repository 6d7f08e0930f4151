using System.CommandLine;
using System.Text.Json;
using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Benchmarks;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Serving;
using static TorchSharp.torch;

namespace AssistantBuilder.Cli.Commands;

/// <summary><c>ab bench serve</c>: aggregate tokens/s and time to first token of the continuous-batching engine.</summary>
static class BenchServeCommand
{
    public static Command Create()
    {
        var model = new Option<string?>("--model") { Description = "Model folder (default: a SmolLM2-135M-shaped model with random weights)." };
        var concurrency = new Option<string>("--concurrency") { Description = "Concurrent streams to measure, comma-separated.", DefaultValueFactory = _ => "1,4,8,16" };
        var tokens = new Option<int>("--tokens") { Description = "Tokens generated per request.", DefaultValueFactory = _ => 64 };
        var prompt = new Option<int>("--prompt-tokens") { Description = "Prompt length of each request.", DefaultValueFactory = _ => 32 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of requests per concurrency level.", DefaultValueFactory = _ => 3 };
        var device = CommonOptions.Device();
        var threads = new Option<int?>("--threads") { Description = "CPU threads for libtorch (default: all cores)." };
        var json = CommonOptions.Json("Print one JSON object per concurrency level instead of a table.");
        var command = new Command("serve", "Aggregate tokens/s and time to first token of the serving engine (continuous batching) at several concurrency levels.")
        {
            model, concurrency, tokens, prompt, rounds, device, threads, json,
        };
        command.SetAction(result =>
        {
            if (result.GetValue(threads) is int n) set_num_threads(n);
            var levels = result.GetValue(concurrency)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
            var dev = DeviceSelector.Resolve(result.GetValue(device)!);
            int tokenCount = result.GetValue(tokens), promptCount = result.GetValue(prompt);
            using var chat = result.GetValue(model) is string dir ? ChatModel.LoadForServing(dir, dev) : null;
            using var random = chat is null ? RandomModel(dev) : null;
            var lm = chat?.Model ?? random!;
            using var engine = new ServingEngine(lm, chat?.Tokenizer, new ServingOptions { Slots = levels.Max(), MaxSequenceLength = promptCount + tokenCount });
            string name = result.GetValue(model) ?? "SmolLM2-135M shape, random weights";
            if (!result.GetValue(json)) Console.WriteLine($"model {name}, {lm.parameters().Sum(p => p.numel()) / 1e6:F1}M parameters, {lm.DType} on {lm.Device}, {get_num_threads()} threads; {promptCount}-token prompts, {tokenCount} tokens each, {result.GetValue(rounds)} rounds per level");
            if (!result.GetValue(json)) Console.WriteLine("concurrency  requests  tokens/s  vs 1 stream  TTFT p50  TTFT p95  ms/token/stream  CPU ms/token");
            double unbatched = ServingBenchmark.Unbatched(engine, tokenCount, promptCount, result.GetValue(rounds));
            Console.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(new { unbatched_tokens_per_second = unbatched }, JsonDefaults.Snake)
                : $"{"TokenGenerator",11}  {result.GetValue(rounds),8}  {unbatched,8:F1}  (one request at a time, no scheduler)");
            double? single = null;
            foreach (var r in ServingBenchmark.Run(engine, levels, tokenCount, promptCount, result.GetValue(rounds)))
            {
                if (r.Concurrency == 1) single = r.TokensPerSecond;
                Console.WriteLine(result.GetValue(json) ? JsonSerializer.Serialize(r, JsonDefaults.Snake)
                    : $"{r.Concurrency,11}  {r.Requests,8}  {r.TokensPerSecond,8:F1}  {(single is double s ? $"{r.TokensPerSecond / s,10:F2}x" : "           ")}  {r.TimeToFirstTokenP50Ms,6:F1} ms  {r.TimeToFirstTokenP95Ms,6:F1} ms  {r.StreamMsPerToken,8:F2} ms  {r.CpuMsPerToken,8:F2} ms");
            }
        });
        return command;
    }

    static CausalLm RandomModel(Device device)
    {
        manual_seed(0);
        var model = new CausalLm(InferenceBenchmark.SmolLm2_135M, device, DeviceSelector.ComputeDtype(device), router: new LoraRouter());
        model.eval();
        return model;
    }
}
