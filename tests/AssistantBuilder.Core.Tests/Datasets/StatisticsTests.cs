using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

public sealed class StatisticsTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void Counts_turns_and_tokens_and_bins_them()
    {
        // Word counts (the estimate): 1 + 1 + n for n = 1..40, so 3..42.
        var lines = Enumerable.Range(1, 40).Select(n =>
            $$"""{"messages":[{"role":"system","content":"s"},{"role":"user","content":"q"},{"role":"assistant","content":"{{string.Join(' ', Enumerable.Repeat("w", n))}}"}]}""");

        DatasetStatistics stats = _dir.Import("many.jsonl", lines).Statistics;

        Assert.Equal(40, stats.Conversations);
        Assert.Equal(120, stats.Turns);
        Assert.Equal(3, stats.MinTokens);
        Assert.Equal(42, stats.MaxTokens);
        Assert.Equal(22, stats.MedianTokens);
        Assert.True(stats.TokenCountIsEstimate);
        Assert.Equal(10, stats.Histogram.Count);
        Assert.All(stats.Histogram, b => Assert.Equal(4, b.Count));
        Assert.Equal(new HistogramBin(3, 6, 4), stats.Histogram[0]);
        Assert.Equal(new HistogramBin(39, 42, 4), stats.Histogram[^1]);
        Assert.All(stats.Histogram.Zip(stats.Histogram.Skip(1)), pair => Assert.Equal(pair.First.To + 1, pair.Second.From));
    }

    [Fact]
    public void Uses_the_token_counter_when_given()
    {
        var options = new ImportOptions { CountTokens = c => c.Turns.Sum(t => t.Content.Length) };

        DatasetStatistics stats = _dir.Import("two.jsonl",
        [
            """{"messages":[{"role":"user","content":"ab"},{"role":"assistant","content":"cd"}]}""",
            """{"messages":[{"role":"user","content":"abcdef"},{"role":"assistant","content":"gh"}]}""",
        ], options).Statistics;

        Assert.False(stats.TokenCountIsEstimate);
        Assert.Equal((4, 6, 8), (stats.MinTokens, stats.MedianTokens, stats.MaxTokens));
        Assert.Equal(5, stats.Histogram.Count);
        Assert.Equal([1, 0, 0, 0, 1], stats.Histogram.Select(b => b.Count));
    }
}
