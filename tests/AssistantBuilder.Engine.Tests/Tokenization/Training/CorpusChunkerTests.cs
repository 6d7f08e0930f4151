using AssistantBuilder.Engine.Tokenization.Training;
using AssistantBuilder.Testing;
using static AssistantBuilder.Engine.Tests.Tokenization.Training.TrainingText;

namespace AssistantBuilder.Engine.Tests.Tokenization.Training;

public sealed class CorpusChunkerTests : IDisposable
{
    private readonly string _dir = TempDir.Create("bpe-chunks");

    public void Dispose() => TempDir.Delete(_dir);

    [Theory]
    [InlineData(1, 1)]
    [InlineData(40, 7)]
    [InlineData(500, 64)]
    public void Chunks_rebuild_the_file_and_count_the_same_words_as_the_whole_text(int chunkChars, int blockChars)
    {
        string text = Mixed(300) + "\n\n   \n\tend"; // blank, space-only and indented lines, CRLF, emoji, no final newline
        string path = Path.Combine(_dir, "corpus.txt");
        File.WriteAllText(path, text);

        var chunker = new CorpusChunker(maxLines: null, chunkChars, blockChars);
        var chunks = chunker.Read(path).ToList();
        Assert.Equal(text, string.Concat(chunks));
        Assert.True(chunks.Count > 1 || chunkChars > text.Length);
        Assert.All(chunks.SkipLast(1), c => Assert.EndsWith("\n", c));
        Assert.Equal(text.Count(c => c == '\n') + 1, chunker.Lines);

        var whole = new WordCounter(BpeTrainerOptions.ChatMlSpecialTokens);
        whole.Add(text);
        var pieces = new WordCounter(BpeTrainerOptions.ChatMlSpecialTokens);
        foreach (string chunk in chunks)
            pieces.Add(chunk);
        Assert.Equal(whole.Counts.OrderBy(p => p.Key, StringComparer.Ordinal), pieces.Counts.OrderBy(p => p.Key, StringComparer.Ordinal));
        Assert.Equal(whole.SpecialTokens, pieces.SpecialTokens);
        Assert.Equal(whole.Characters, pieces.Characters);
        // A blank line stays inside one pre-token ("!ĊĊ", "ĊĊĠĠĠ"): the file is not cut line by line.
        Assert.Contains(whole.Counts.Keys, word => word.Contains("ĊĊ"));
    }

    [Fact]
    public void Line_limit_stops_after_the_nth_newline()
    {
        string path = Path.Combine(_dir, "lines.txt");
        File.WriteAllText(path, "a\nb\n\nc\nd");
        var chunker = new CorpusChunker(maxLines: 3, chunkChars: 1, blockChars: 2);
        Assert.Equal("a\nb\n\n", string.Concat(chunker.Read(path)));
        Assert.True(chunker.LineLimitReached);
        Assert.Empty(chunker.Read(path));
    }
}
