using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;

namespace AssistantBuilder.Cli.Commands;

/// <summary>One level of <c>ab bench http</c>: aggregate tokens/s, time to first token and per-stream time per token.</summary>
sealed record HttpBenchResult(int Concurrency, int Requests, int Failed, long Tokens, double Seconds, double TokensPerSecond,
    double TimeToFirstTokenP50Ms, double TimeToFirstTokenP95Ms, double StreamMsPerToken);

/// <summary>
/// A bounded load generator for the OpenAI-compatible API on loopback: rounds of N concurrent streamed chat
/// completions per level, reading the server-sent events as a client would.
/// </summary>
sealed class HttpLoad(Uri baseUrl, string key, string model, string prompt, int tokens, double temperature = 0.8, bool ignoreEos = false) : IDisposable
{
    readonly HttpClient _http = new(new SocketsHttpHandler { MaxConnectionsPerServer = 256, PooledConnectionLifetime = TimeSpan.FromMinutes(10) })
    {
        BaseAddress = baseUrl, Timeout = TimeSpan.FromMinutes(10),
    };

    public static bool IsLoopback(Uri url) =>
        url.IsLoopback || (IPAddress.TryParse(url.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    sealed record One(bool Ok, double FirstTokenMs, double LastTokenMs, int Tokens);

    public async Task<HttpBenchResult> LevelAsync(int concurrency, int rounds, CancellationToken ct)
    {
        var results = new List<One>();
        var clock = Stopwatch.StartNew();
        for (int r = 0; r < rounds && !ct.IsCancellationRequested; r++)
            results.AddRange(await Task.WhenAll(Enumerable.Range(0, concurrency).Select(i => RequestAsync(r * concurrency + i, ct))));
        double seconds = clock.Elapsed.TotalSeconds;
        var ok = results.Where(x => x.Ok).ToList();
        long total = ok.Sum(x => (long)x.Tokens);
        var firsts = ok.Select(x => x.FirstTokenMs).Order().ToList();
        var perToken = ok.Where(x => x.Tokens > 1).Select(x => (x.LastTokenMs - x.FirstTokenMs) / (x.Tokens - 1)).ToList();
        return new HttpBenchResult(concurrency, results.Count, results.Count - ok.Count, total, seconds, total / seconds,
            Percentile(firsts, 0.5), Percentile(firsts, 0.95), perToken.Count == 0 ? double.NaN : perToken.Average());
    }

    /// <summary>One streamed request; a seed per request so concurrent answers differ like real traffic.</summary>
    async Task<One> RequestAsync(int seed, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        var body = new Dictionary<string, object>
        {
            ["model"] = model, ["stream"] = true, ["stream_options"] = new { include_usage = true }, ["max_tokens"] = tokens,
            ["temperature"] = temperature, ["seed"] = seed, ["messages"] = new[] { new { role = "user", content = prompt } },
        };
        if (ignoreEos) body["ignore_eos"] = true; // fixed-length answers (the app's vLLM-style extension)
        using var request = new HttpRequestMessage(HttpMethod.Post, "v1/chat/completions") { Content = JsonContent.Create(body) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        try
        {
            using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, ct);
            if (!response.IsSuccessStatusCode)
            {
                Console.Error.WriteLine($"request {seed}: HTTP {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(ct)}");
                return new One(false, 0, 0, 0);
            }
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(ct));
            double first = double.NaN, last = double.NaN;
            int pieces = 0, usageTokens = -1;
            while (await reader.ReadLineAsync(ct) is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
                var data = line.AsSpan(6);
                if (data.SequenceEqual("[DONE]")) break;
                using var json = JsonDocument.Parse(data.ToString());
                var root = json.RootElement;
                if (root.TryGetProperty("usage", out var usage) && usage.ValueKind == JsonValueKind.Object)
                    usageTokens = usage.GetProperty("completion_tokens").GetInt32();
                if (root.GetProperty("choices") is { ValueKind: JsonValueKind.Array } choices && choices.GetArrayLength() > 0
                    && choices[0].GetProperty("delta").TryGetProperty("content", out var content) && content.GetString() is { Length: > 0 })
                {
                    last = clock.Elapsed.TotalMilliseconds;
                    if (double.IsNaN(first)) first = last;
                    pieces++;
                }
            }
            return new One(!double.IsNaN(first), first, last, usageTokens >= 0 ? usageTokens : pieces);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or JsonException)
        {
            Console.Error.WriteLine($"request {seed}: {ex.Message}");
            return new One(false, 0, 0, 0);
        }
    }

    static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];

    public void Dispose() => _http.Dispose();
}
