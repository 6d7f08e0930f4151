using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

public sealed class ImportBehaviourTests : IDisposable
{
    private readonly TempDir _dir = new();

    public void Dispose() => _dir.Dispose();

    private static string Line(string user, string assistant, int weight = 1) =>
        $$"""{"messages":[{"role":"user","content":"{{user}}"},{"role":"assistant","content":"{{assistant}}","weight":{{weight}}}]}""";

    [Fact]
    public void Exact_duplicates_are_dropped_and_counted_not_rejected()
    {
        ImportResult result = _dir.Import("dups.jsonl",
        [
            Line("hi", "hello"),
            Line("hi", "hello"),
            Line("hi", "hello!"),
            Line("hi", "hello"),
            Line("Hi", "hello"),
        ]);

        Assert.Equal([1, 3, 5], result.Conversations.Select(c => c.SourceLine));
        Assert.Empty(result.Rejected);
        Assert.Equal(2, result.Statistics.Duplicates);
        Assert.Equal(3, result.Statistics.Conversations);
    }

    [Fact]
    public void Conversations_over_max_seq_len_are_rejected_with_the_given_token_counter()
    {
        var options = new ImportOptions { MaxSeqLen = 20, CountTokens = c => c.Turns.Sum(t => t.Content.Length) };

        ImportResult result = _dir.Import("long.jsonl",
        [
            Line("short", "answer"),
            Line("a rather long question", "and an answer"),
            Line("exactly ten", "chars her"),
        ], options);

        Assert.Equal([1, 3], result.Conversations.Select(c => c.SourceLine));
        Assert.Equal(new RejectedRecord(2, "35 tokens > max_seq_len 20"), Assert.Single(result.Rejected));
        Assert.Equal(1, result.Statistics.TooLong);
        Assert.False(result.Statistics.TokenCountIsEstimate);
        Assert.Equal(11, result.Statistics.MinTokens);
        Assert.Equal(20, result.Statistics.MaxTokens);
    }

    [Fact]
    public void Without_a_token_counter_long_conversations_are_only_counted_by_the_estimate()
    {
        var options = new ImportOptions { MaxSeqLen = 4 };

        ImportResult result = _dir.Import("long.jsonl", [Line("one two three", "four five"), Line("one", "two")], options);

        Assert.Equal(2, result.Conversations.Count);
        Assert.Empty(result.Rejected);
        Assert.Equal(1, result.Statistics.TooLong);
        Assert.True(result.Statistics.TokenCountIsEstimate);
        Assert.Equal(5, result.Statistics.MaxTokens);
    }

    [Fact]
    public void Rejected_records_are_reported_in_line_order()
    {
        ImportResult result = _dir.Import("order.csv", ["prompt,response", "\"a\"b,c", ",x", "q,a"]);

        Assert.Equal([2, 3], result.Rejected.Select(r => r.Line));
    }

    [Fact]
    public void Imports_from_a_stream_with_the_given_file_name()
    {
        using var stream = new MemoryStream("question,answer\r\n\"a\r\nb\",c\r\n"u8.ToArray());

        ImportResult result = DatasetImporter.Import(stream, "upload.csv", new ImportOptions());

        Assert.Equal("a\nb", Assert.Single(result.Conversations).Turns[0].Content);
    }
}
