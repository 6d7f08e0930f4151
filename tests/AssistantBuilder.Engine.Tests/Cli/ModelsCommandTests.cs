using System.Text.Json;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Engine.Tests.Cli;

/// <summary><c>ab models pull</c> against a fake Hub on 127.0.0.1, then the pulled folder through the real <c>ab generate</c>; <c>ab models list</c>.</summary>
public sealed class ModelsCommandTests : IDisposable
{
    const string RepoId = "test-org/tiny-chat";
    readonly TinyModel _tiny = TinyModel.Create(scale: 0.5f);
    readonly FakeHub _hub = new();
    readonly string _dir = TempDir.Create("models-cli");

    public ModelsCommandTests()
    {
        _hub.AddRepo(RepoId, _tiny.Directory, new Dictionary<string, byte[]> { ["README.md"] = "# tiny\n"u8.ToArray() });
        var small = new Dictionary<string, byte[]>
        {
            ["config.json"] = File.ReadAllBytes(Path.Combine(_tiny.Directory, "config.json")),
            ["tokenizer.json"] = File.ReadAllBytes(Path.Combine(_tiny.Directory, "tokenizer.json")),
        };
        _hub.AddRepo("test-org/bin-only", new Dictionary<string, byte[]>(small) { ["pytorch_model.bin"] = [1, 2, 3] });
        _hub.AddRepo("test-org/gpt2", new Dictionary<string, byte[]>(small)
        {
            ["config.json"] = """{"architectures": ["GPT2LMHeadModel"], "vocab_size": 50257}"""u8.ToArray(),
            ["model.safetensors"] = File.ReadAllBytes(Path.Combine(_tiny.Directory, "model.safetensors")),
        });
        _hub.AddRepo("test-org/corrupt", _tiny.Directory);
        _hub.Corrupt("test-org/corrupt", "model.safetensors");
    }

    // The child process must not see a token or endpoint from the machine running the tests.
    static Dictionary<string, string?> Env(string? token = null, string? endpoint = null, string? dataDir = null) =>
        new() { ["HF_TOKEN"] = token, ["HF_ENDPOINT"] = endpoint, ["AB_DATA_DIR"] = dataDir };

    Task<AbProcess.Result> Ab(Dictionary<string, string?> env, params string[] args) => AbProcess.RunAsync(env, _dir, args);

    [Fact]
    public async Task Pull_prints_json_events_and_the_pulled_folder_generates()
    {
        string outDir = Path.Combine(_dir, "pulled");
        var r = await Ab(Env(), "models", "pull", RepoId, "--endpoint", _hub.Endpoint.ToString(), "--out", outDir, "--json");
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stderr}");
        var events = r.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var start = events.First(e => e.GetProperty("event").GetString() == "start");
        Assert.Equal(RepoId, start.GetProperty("repo").GetString());
        Assert.Equal(5, start.GetProperty("files").GetArrayLength());
        Assert.True(start.GetProperty("total_bytes").GetInt64() > 0);
        var done = events[^1];
        Assert.Equal("done", done.GetProperty("event").GetString());
        Assert.Equal(outDir, done.GetProperty("path").GetString());
        var fileDone = events.Where(e => e.GetProperty("event").GetString() == "file_done").ToDictionary(e => e.GetProperty("file").GetString()!);
        Assert.Equal("sha256", fileDone["model.safetensors"].GetProperty("verified").GetString());
        Assert.Contains(events, e => e.GetProperty("event").GetString() == "progress" && e.GetProperty("file").GetString() == "model.safetensors");
        Assert.False(File.Exists(Path.Combine(outDir, "README.md")));

        var generated = await Ab(Env(), "generate", "--model", outDir, "--prompt", "hi", "--max-new-tokens", "3", "--json");
        Assert.True(generated.ExitCode == 0, $"exit {generated.ExitCode}: {generated.Stderr}");
        var tokens = JsonDocument.Parse(generated.Stdout).RootElement.GetProperty("token_ids").GetArrayLength();
        Assert.InRange(tokens, 1, 3);
    }

    [Fact]
    public async Task Pull_reads_HF_ENDPOINT_HF_TOKEN_and_AB_DATA_DIR_shows_progress_and_resumes_a_broken_transfer()
    {
        _hub.RequiredToken = "hf_cli_secret";
        long size = new FileInfo(Path.Combine(_tiny.Directory, "model.safetensors")).Length;
        _hub.Cut(RepoId, "model.safetensors", at: size / 2);
        string data = Path.Combine(_dir, "data-env");
        var r = await Ab(Env("hf_cli_secret", _hub.Endpoint.ToString(), data), "models", "pull", RepoId);
        Assert.True(r.ExitCode == 0, $"exit {r.ExitCode}: {r.Stdout} {r.Stderr}");
        string outDir = Path.Combine(data, "models", "test-org--tiny-chat");
        Assert.Contains($"done: {RepoId} in {outDir} (5 files", r.Stdout);
        Assert.Equal(File.ReadAllBytes(Path.Combine(_tiny.Directory, "model.safetensors")), File.ReadAllBytes(Path.Combine(outDir, "model.safetensors")));
        Assert.Contains(_hub.Requests, q => q.ToStorage && q.Range == $"bytes={size / 2}-");
        Assert.Contains(_hub.Requests, q => q.Authorization == "Bearer hf_cli_secret");
        Assert.False(Directory.Exists(outDir + ".partial"));
    }

    [Theory]
    [InlineData("test-org/missing", "error: repository test-org/missing not found, or it is gated/private: set HF_TOKEN")]
    [InlineData("test-org/bin-only", "error: only safetensors weights are supported; this repo has pytorch_model.bin")]
    [InlineData("test-org/gpt2", "error: test-org/gpt2: unsupported architecture GPT2LMHeadModel; supported: LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM")]
    [InlineData("test-org/corrupt", "error: model.safetensors: checksum mismatch: the Hub's sha256 is ")]
    [InlineData("not a repo", "error: 'not a repo' is not a Hub repository id")]
    public async Task Pull_failures_are_one_clear_line_and_leave_no_model_folder(string repo, string message)
    {
        string outDir = Path.Combine(_dir, "out");
        var r = await Ab(Env(), "models", "pull", repo, "--endpoint", _hub.Endpoint.ToString(), "--out", outDir, "--json");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith(message, r.Stderr);
        Assert.Single(r.Stderr.Trim().Split('\n'));
        Assert.False(Directory.Exists(outDir));
    }

    [Fact]
    public async Task List_shows_usable_models_and_why_the_others_are_not()
    {
        string models = Path.Combine(_dir, "data", "models");
        string good = Path.Combine(models, "good");
        Directory.CreateDirectory(good);
        foreach (var f in Directory.EnumerateFiles(_tiny.Directory)) File.Copy(f, Path.Combine(good, Path.GetFileName(f)));
        string broken = Path.Combine(models, "broken");
        Directory.CreateDirectory(broken);
        File.Copy(Path.Combine(_tiny.Directory, "config.json"), Path.Combine(broken, "config.json"));

        var r = await Ab(Env(), "models", "list", "--json", "--data-dir", Path.Combine(_dir, "data"));
        Assert.True(r.ExitCode == 0, r.Stderr);
        var json = JsonDocument.Parse(r.Stdout).RootElement;
        Assert.Contains(models, json.GetProperty("searched").EnumerateArray().Select(e => e.GetString()));
        var found = json.GetProperty("models").EnumerateArray().ToDictionary(m => m.GetProperty("name").GetString()!);
        Assert.Equal(["broken", "good"], found.Keys.Order());
        var g = found["good"];
        Assert.Equal(good, g.GetProperty("path").GetString());
        Assert.Equal("LlamaForCausalLM", g.GetProperty("architecture").GetString());
        Assert.Equal(_tiny.Weights.Values.Sum(w => (long)w.Values.Length), g.GetProperty("parameters").GetInt64());
        Assert.Equal("float32", g.GetProperty("dtype").GetString());
        Assert.Equal(_tiny.Config.VocabSize, g.GetProperty("vocab_size").GetInt32());
        Assert.True(g.GetProperty("chat_template").GetBoolean());
        Assert.True(g.GetProperty("usable").GetBoolean());
        Assert.False(found["broken"].GetProperty("usable").GetBoolean());
        Assert.Equal("no safetensors weights", found["broken"].GetProperty("problem").GetString());

        var text = await Ab(Env(dataDir: Path.Combine(_dir, "data")), "models", "list");
        Assert.True(text.ExitCode == 0, text.Stderr);
        var lines = text.Stdout.Split('\n').Select(l => l.TrimEnd()).ToList();
        Assert.StartsWith("NAME", lines[0]);
        Assert.Matches(@"^good\s+LlamaForCausalLM\s+\d+\.\dK\s+float32\s+\d+\s+yes\s+/", lines[1]);
        Assert.Contains($"  broken: no safetensors weights ({broken})", lines);

        string elsewhere = Path.Combine(_dir, "elsewhere");
        Directory.CreateDirectory(elsewhere);
        var empty = await AbProcess.RunAsync(Env(), elsewhere, "models", "list", "--data-dir", Path.Combine(_dir, "nothing"));
        Assert.Contains("ab models pull HuggingFaceTB/SmolLM2-135M-Instruct", empty.Stdout);
    }

    public void Dispose()
    {
        _hub.Dispose();
        _tiny.Dispose();
        TempDir.Delete(_dir);
    }
}
