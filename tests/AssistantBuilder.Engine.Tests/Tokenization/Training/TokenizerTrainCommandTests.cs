using System.Text.Json;
using AssistantBuilder.Engine.Tokenization;
using AssistantBuilder.Testing;
using static AssistantBuilder.Engine.Tests.Tokenization.Training.TrainingText;

namespace AssistantBuilder.Engine.Tests.Tokenization.Training;

public sealed class TokenizerTrainCommandTests : IDisposable
{
    private readonly string _dir = TempDir.Create("bpe-cli");

    public void Dispose() => TempDir.Delete(_dir);

    private string Corpus(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Fact]
    public async Task Train_writes_a_loadable_tokenizer_and_reports_progress_and_a_summary()
    {
        string a = Corpus("a.txt", Mixed(300)), b = Corpus("b.txt", Mixed(200, seed: 3));
        string outDir = Path.Combine(_dir, "tok");
        var r = await AbProcess.RunAsync("tokenizer", "train", "--corpus", a, "--corpus", b, "--vocab-size", "400", "--out", outDir, "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var events = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "count");
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "merge" && e.GetProperty("merges").GetInt32() > 0);
        var done = events[^1];
        Assert.Equal("done", done.GetProperty("event").GetString());
        Assert.Equal(400, done.GetProperty("vocab_size").GetInt32());
        Assert.Equal(400 - 259, done.GetProperty("merges").GetInt32());
        Assert.True(done.GetProperty("characters_per_token").GetDouble() > 1);
        Assert.True(done.GetProperty("seconds").GetDouble() >= 0);

        var tokenizer = HfTokenizer.FromFile(Path.Combine(outDir, "tokenizer.json"));
        Assert.Equal(400, tokenizer.VocabSize);
        var ids = tokenizer.Encode("<|im_start|>user\nhello world 🙂<|im_end|>");
        Assert.Equal(1, ids[0]);
        Assert.Equal("user\nhello world 🙂", tokenizer.Decode(ids));
        Assert.True(File.Exists(Path.Combine(outDir, "tokenizer_config.json")));
        Assert.True(File.Exists(Path.Combine(outDir, "special_tokens_map.json")));

        var text = await AbProcess.RunAsync("tokenizer", "train", "--corpus", a, "--vocab-size", "300", "--min-frequency", "3",
            "--special-tokens", "<|endoftext|>,<|im_start|>,<|im_end|>,<tool>", "--max-lines", "20", "--out", Path.Combine(_dir, "tok2"));
        Assert.True(text.ExitCode == 0, text.Stderr);
        Assert.Contains("merges", text.Stderr);
        Assert.Contains("vocab       300 tokens: 4 special, 256 bytes, 40 merges", text.Stdout);
        Assert.Contains("compression", text.Stdout);
        Assert.Contains("corpus      20 lines", text.Stdout);
        Assert.Equal(3, HfTokenizer.FromFile(Path.Combine(_dir, "tok2", "tokenizer.json")).TokenToId("<tool>"));
    }

    [Theory]
    [InlineData("corpus file not found", "--corpus", "/nonexistent/corpus.txt", "--vocab-size", "300")]
    [InlineData("vocab size 100 is too small", "--corpus", "CORPUS", "--vocab-size", "100")]
    [InlineData("corpus is empty", "--corpus", "EMPTY", "--vocab-size", "300")]
    [InlineData("min frequency must be at least 1", "--corpus", "CORPUS", "--vocab-size", "300", "--min-frequency", "0")]
    public async Task Bad_input_exits_2_with_one_clear_line(string message, params string[] args)
    {
        string corpus = Corpus("c.txt", "some text\n"), empty = Corpus("e.txt", "");
        string[] resolved = [.. args.Select(x => x == "CORPUS" ? corpus : x == "EMPTY" ? empty : x)];
        var r = await AbProcess.RunAsync(["tokenizer", "train", .. resolved, "--out", Path.Combine(_dir, "out")]);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("error: ", r.Stderr);
        Assert.Contains(message, r.Stderr);
    }
}
