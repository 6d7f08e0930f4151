using System.CommandLine;
using System.Text.Json;

namespace AssistantBuilder.Cli.Commands;

/// <summary>
/// <c>ab bench http</c>: drives a running AssistantBuilder web app's <c>/v1/chat/completions</c> (stream: true) on
/// loopback at several concurrency levels, bounded by rounds and a time limit.
/// </summary>
static class BenchHttpCommand
{
    public static Command Create()
    {
        var url = new Option<string>("--url") { Description = "The app's base address (loopback only), e.g. http://127.0.0.1:5000.", Required = true };
        var key = new Option<string>("--key") { Description = "An API key of the app (ab-...).", Required = true };
        var model = new Option<string>("--model") { Description = "The assistant's name (or id).", Required = true };
        var concurrency = new Option<string>("--concurrency") { Description = "Concurrent streams to measure, comma-separated.", DefaultValueFactory = _ => "1,4,8,16" };
        var tokens = new Option<int>("--tokens") { Description = "max_tokens of each request.", DefaultValueFactory = _ => 64 };
        var rounds = new Option<int>("--rounds") { Description = "Rounds of concurrent requests per level.", DefaultValueFactory = _ => 3 };
        var prompt = new Option<string>("--prompt") { Description = "The user message sent.", DefaultValueFactory = _ => "Tell me about your return policy and how refunds work, in detail." };
        var temperature = new Option<double>("--temperature") { Description = "Sampling temperature of each request (0: greedy).", DefaultValueFactory = _ => 0.8 };
        var ignoreEos = new Option<bool>("--ignore-eos") { Description = "Send ignore_eos: every answer runs to --tokens (fixed length, to compare with ab bench serve)." };
        var maxSeconds = new Option<int>("--max-seconds") { Description = "Stop measuring after this long (the level in progress ends early).", DefaultValueFactory = _ => 600 };
        var json = CommonOptions.Json("Print one JSON object per concurrency level instead of a table.");
        var command = new Command("http", "Aggregate tokens/s and time to first token over the app's OpenAI-compatible HTTP API (streamed) at several concurrency levels.")
        {
            url, key, model, concurrency, tokens, rounds, prompt, temperature, ignoreEos, maxSeconds, json,
        };
        command.SetAction(async (result, ct) =>
        {
            var baseUrl = new Uri(result.GetValue(url)!.TrimEnd('/') + "/");
            if (!HttpLoad.IsLoopback(baseUrl))
            {
                Console.Error.WriteLine($"{baseUrl.Host} is not a loopback address: the load generator only drives a local app (127.0.0.1, ::1, localhost).");
                return 2;
            }
            var levels = result.GetValue(concurrency)!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToList();
            if (levels.Any(n => n is < 1 or > 256)) { Console.Error.WriteLine("--concurrency levels must be between 1 and 256."); return 2; }
            bool asJson = result.GetValue(json);
            using var deadline = CancellationTokenSource.CreateLinkedTokenSource(ct);
            deadline.CancelAfter(TimeSpan.FromSeconds(result.GetValue(maxSeconds)));
            using var load = new HttpLoad(baseUrl, result.GetValue(key)!, result.GetValue(model)!, result.GetValue(prompt)!, result.GetValue(tokens),
                result.GetValue(temperature), result.GetValue(ignoreEos));

            var warm = await load.LevelAsync(1, 1, deadline.Token); // loads the model and JITs the path; not reported
            if (warm.Failed > 0) { Console.Error.WriteLine("The warm-up request failed; see above."); return 1; }
            if (!asJson) Console.WriteLine($"{baseUrl}v1/chat/completions, model {result.GetValue(model)}, max_tokens {result.GetValue(tokens)}, {result.GetValue(rounds)} rounds per level, temperature {result.GetValue(temperature)}{(result.GetValue(ignoreEos) ? ", ignore_eos" : "")}, streamed");
            if (!asJson) Console.WriteLine("concurrency  requests  failed  tokens  tokens/s  vs 1 stream  TTFT p50  TTFT p95  ms/token/stream");
            double? single = null;
            foreach (var n in levels)
            {
                if (deadline.IsCancellationRequested) break;
                var r = await load.LevelAsync(n, result.GetValue(rounds), deadline.Token);
                if (n == 1) single = r.TokensPerSecond;
                Console.WriteLine(asJson ? JsonSerializer.Serialize(r, JsonDefaults.Snake)
                    : $"{r.Concurrency,11}  {r.Requests,8}  {r.Failed,6}  {r.Tokens,6}  {r.TokensPerSecond,8:F1}  {(single is double s ? $"{r.TokensPerSecond / s,10:F2}x" : "           ")}  {r.TimeToFirstTokenP50Ms,6:F1} ms  {r.TimeToFirstTokenP95Ms,6:F1} ms  {r.StreamMsPerToken,8:F2} ms");
            }
            if (deadline.IsCancellationRequested && !ct.IsCancellationRequested) Console.Error.WriteLine("Stopped at --max-seconds.");
            return 0;
        });
        return command;
    }
}
