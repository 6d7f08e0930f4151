using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>
/// Load: <see cref="Visitors"/> widget visitors chat at once for <see cref="Duration"/> through the real widget hub
/// (Kestrel on loopback, WebSockets, the .NET SignalR client) with an assistant on the shipped default model. Bounded:
/// a fixed number of visitors, each asking until the time is up, and a hard limit on the whole run. Prints time to
/// first token (p50, p95), tokens/s, messages sent and memory; docs/reliability.md records a run.
/// </summary>
public sealed class WidgetLoadTests(ITestOutputHelper output)
{
    const int Visitors = 50;
    static readonly TimeSpan Duration = TimeSpan.FromSeconds(60);
    static readonly TimeSpan HardLimit = Duration + TimeSpan.FromMinutes(3);
    const string Site = "https://shop.example.com";

    [Fact]
    public async Task Fifty_widget_conversations_stream_for_a_minute_without_errors_and_memory_stays_flat()
    {
        // All visitors come from one loopback address with one key: this app's limits are set far above what the test
        // sends (the shipped defaults, 120 a minute per key and 20 per IP, stay as they are).
        using var app = new KestrelApp(new Dictionary<string, string>
        {
            ["Widget:RateLimit:PerKey"] = "1000000",
            ["Widget:RateLimit:PerIp"] = "1000000",
        });
        using var limit = new CancellationTokenSource(HardLimit);
        var ct = limit.Token;
        var (assistantId, key, _) = await DefaultModelAssistant.CreateAsync(app, Site, temperature: 0.7, topP: 0.9, maxTokens: 48);

        var visitors = await Task.WhenAll(Enumerable.Range(0, Visitors).Select(i => WidgetVisitor.ConnectAsync(app.BaseAddress, key, Site, i, ct)));
        try
        {
            // Warm-up: every visitor gets one answer (the model loads, caches and pools fill), then memory is measured.
            await Task.WhenAll(visitors.Select(v => v.RunAsync(DateTime.MaxValue, 1, ct)));
            Assert.All(visitors, v => Assert.Empty(v.Errors));
            var warm = MemoryFigures.Measure();
            int warmTokens = await StoredAnswerTokensAsync(app, assistantId);
            int warmSent = visitors.Sum(v => v.Sent);
            foreach (var v in visitors) v.TimesToFirstTokenMs.Clear();

            var clock = Stopwatch.StartNew();
            var until = DateTime.UtcNow + Duration;
            await Task.WhenAll(visitors.Select(v => v.RunAsync(until, int.MaxValue, ct)));
            double seconds = clock.Elapsed.TotalSeconds;
            int tokens = await StoredAnswerTokensAsync(app, assistantId) - warmTokens;
            int sent = visitors.Sum(v => v.Sent) - warmSent;

            foreach (var v in visitors) await v.DisposeAsync();
            var after = MemoryFigures.Measure();

            var ttft = visitors.SelectMany(v => v.TimesToFirstTokenMs).Order().ToList();
            output.WriteLine($"{Visitors} visitors for {seconds:F1} s (warm-up not counted): {sent} messages sent, {visitors.Sum(v => v.Answered) - Visitors} answered, " +
                $"{visitors.Sum(v => v.EmptyAnswers)} empty, {visitors.Sum(v => v.Errors.Count)} errors, {visitors.Sum(v => v.Conversations.Count)} conversations");
            output.WriteLine($"time to first token: p50 {Percentile(ttft, 50):F0} ms, p95 {Percentile(ttft, 95):F0} ms, max {ttft.LastOrDefault():F0} ms");
            output.WriteLine($"answer tokens (as stored): {tokens} in {seconds:F1} s = {tokens / seconds:F1} tokens/s; per visitor {sent / (double)Visitors:F1} messages");
            output.WriteLine($"memory after warm-up: {warm}; after the run and a GC: {after}");

            Assert.True(visitors.All(v => v.Errors.Count == 0), string.Join("\n", visitors.SelectMany(v => v.Errors).Take(10)));
            Assert.All(visitors, v => Assert.True(v.TimesToFirstTokenMs.Count > 0, "a visitor got no answer with text during the run"));
            Assert.True(seconds < Duration.TotalSeconds + 60, $"the run went on {seconds:F0} s after its deadline");
            Assert.True(tokens > 0);
            // Nothing half-stored: every question of every conversation has its answer stored.
            await using (var db = app.CreateDb())
            {
                var counts = await db.ConversationMessages.Where(m => db.Conversations.Any(c => c.Id == m.ConversationId && c.AssistantId == assistantId))
                    .GroupBy(m => m.ConversationId).Select(g => new { Users = g.Count(m => m.Role == "user"), Answers = g.Count(m => m.Role == "assistant") }).ToListAsync();
                Assert.Equal(visitors.Sum(v => v.Sent), counts.Sum(c => c.Users));
                Assert.All(counts, c => Assert.Equal(c.Users, c.Answers));
            }
            // Memory flat: generous bounds (a leak of a KV cache per answer, ~1 MB each, over ~1000 answers breaks them).
            Assert.True(after.ManagedBytes <= warm.ManagedBytes * 3 / 2 + (64L << 20), $"managed memory grew from {warm} to {after}");
            Assert.True(after.ProcessBytes <= warm.ProcessBytes + (384L << 20), $"process memory grew from {warm} to {after}");
        }
        finally
        {
            foreach (var v in visitors) await v.DisposeAsync();
        }
    }

    static async Task<int> StoredAnswerTokensAsync(KestrelApp app, Guid assistantId)
    {
        await using var db = app.CreateDb();
        return await db.ConversationMessages
            .Where(m => m.Role == "assistant" && db.Conversations.Any(c => c.Id == m.ConversationId && c.AssistantId == assistantId))
            .SumAsync(m => m.Tokens);
    }

    static double Percentile(IReadOnlyList<double> sorted, int p) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(p / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];
}
