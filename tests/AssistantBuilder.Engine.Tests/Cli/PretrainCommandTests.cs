using System.Text.Json;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Engine.Tests.Cli;

public sealed class PretrainCommandTests : IDisposable
{
    readonly string _dir = TempDir.Create("pretrain");

    string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text);
        return path;
    }

    string Setup()
    {
        string tokenizer = Path.Combine(_dir, "tokenizer");
        Directory.CreateDirectory(tokenizer);
        TinyTokenizer.WriteFiles(tokenizer);
        Write("config.json", TinyModel.DefaultConfig().ToJson());
        var sentences = new[] { "the cat sat on the mat.", "a dog ran in the park.", "we like to read books.", "the sun is warm today." };
        Write("corpus.txt", string.Join("\n<|endoftext|>\n", Enumerable.Range(0, 60).Select(i => sentences[i % 4] + " " + sentences[(i * 7) % 4])));
        Write("chat.jsonl", string.Join("\n", Enumerable.Range(0, 12).Select(i =>
            $$"""{"messages":[{"role":"user","content":"say something {{i}}"},{"role":"assistant","content":"{{sentences[i % 4]}}"}]}""")));
        return tokenizer;
    }

    [Fact]
    public async Task Pretrain_then_chat_stage_writes_a_model_that_generates()
    {
        string tokenizer = Setup(), outDir = Path.Combine(_dir, "model");
        var r = await AbProcess.RunAsync("pretrain", "--config", Path.Combine(_dir, "config.json"), "--tokenizer", tokenizer,
            "--corpus", Path.Combine(_dir, "corpus.txt"), "--chat", Path.Combine(_dir, "chat.jsonl"), "--out", outDir,
            "--seq-len", "64", "--epochs", "3", "--chat-epochs", "2", "--batch-size", "4", "--learning-rate", "0.01", "--save-every", "5", "--json");
        Assert.True(r.ExitCode == 0, r.Stderr);
        var events = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["pretrain", "chat"], events.Where(e => e.GetProperty("event").GetString() == "stage").Select(e => e.GetProperty("stage").GetString()));
        var textSteps = events.TakeWhile(e => e.GetProperty("event").GetString() != "done").Where(e => e.GetProperty("event").GetString() == "step").ToList();
        Assert.True(textSteps[^1].GetProperty("loss").GetDouble() < textSteps[0].GetProperty("loss").GetDouble() * 0.5, "the text loss should fall");
        foreach (var file in new[] { "config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json", "generation_config.json" })
            Assert.True(File.Exists(Path.Combine(outDir, file)), file);

        var generated = await AbProcess.RunAsync("generate", "--model", outDir, "--prompt", "say something 3", "--max-new-tokens", "20", "--temperature", "0", "--json");
        Assert.True(generated.ExitCode == 0, generated.Stderr);
        var json = JsonDocument.Parse(generated.Stdout).RootElement;
        Assert.Equal(JsonValueKind.String, json.GetProperty("text").ValueKind);

        // Continuing pretraining from the finished model starts from its loss, not from a random model's.
        var continued = await AbProcess.RunAsync("pretrain", "--config", Path.Combine(_dir, "config.json"), "--tokenizer", tokenizer,
            "--corpus", Path.Combine(_dir, "corpus.txt"), "--init", outDir, "--out", Path.Combine(_dir, "continued"), "--seq-len", "64",
            "--epochs", "1", "--batch-size", "4", "--learning-rate", "0.001", "--json");
        Assert.True(continued.ExitCode == 0, continued.Stderr);
        double firstContinued = continued.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .First(e => e.GetProperty("event").GetString() == "step").GetProperty("loss").GetDouble();
        Assert.True(firstContinued < textSteps[0].GetProperty("loss").GetDouble() * 0.7, $"{firstContinued} vs {textSteps[0].GetProperty("loss").GetDouble()}");

        // A finished run resumes as a no-op: both stages are marked done.
        var again = await AbProcess.RunAsync("pretrain", "--config", Path.Combine(_dir, "config.json"), "--tokenizer", tokenizer,
            "--corpus", Path.Combine(_dir, "corpus.txt"), "--chat", Path.Combine(_dir, "chat.jsonl"), "--out", outDir, "--seq-len", "64", "--resume", "--json");
        Assert.Equal(0, again.ExitCode);
        Assert.DoesNotContain("\"step\"", again.Stdout);
    }

    [Fact]
    public async Task A_tokenizer_without_chat_tokens_or_a_tiny_corpus_is_refused()
    {
        string tokenizer = Setup();
        Write("small.txt", "too short");
        var r = await AbProcess.RunAsync("pretrain", "--config", Path.Combine(_dir, "config.json"), "--tokenizer", tokenizer,
            "--corpus", Path.Combine(_dir, "small.txt"), "--out", Path.Combine(_dir, "x"), "--seq-len", "64");
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("fewer than one block of 64", r.Stderr);
    }

    public void Dispose() => TempDir.Delete(_dir);
}
