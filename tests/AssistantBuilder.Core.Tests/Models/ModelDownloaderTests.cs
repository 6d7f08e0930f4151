using AssistantBuilder.Core.Models;
using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Core.Tests.Models;

public sealed class ModelDownloaderTests : PullFixture
{
    static readonly string[] ModelFolder = ["config.json", "generation_config.json", "model.safetensors", "tokenizer.json", "tokenizer_config.json"];

    void AssertSameFiles(string expectedDir, string actualDir, IEnumerable<string> files)
    {
        Assert.Equal(files.Order(), Directory.EnumerateFiles(actualDir).Select(Path.GetFileName).Order());
        foreach (var f in files) Assert.True(File.ReadAllBytes(Path.Combine(expectedDir, f)).SequenceEqual(File.ReadAllBytes(Path.Combine(actualDir, f))), f);
    }

    [Fact]
    public async Task Pull_fetches_the_model_files_verified_and_byte_identical_and_nothing_else()
    {
        var done = await Pull();
        Assert.Equal(Out, done.Path);
        AssertSameFiles(Tiny.Directory, Out, ModelFolder);
        Assert.False(Directory.Exists(Partial));
        Assert.Equal(5, done.Files);
        Assert.Equal(ModelFolder.Sum(f => new FileInfo(Path.Combine(Tiny.Directory, f)).Length), done.Bytes);

        var start = Assert.Single(Events.OfType<PullStarted>());
        Assert.Equal(40, start.Commit.Length);
        Assert.Equal(done.Bytes, start.TotalBytes);
        Assert.Equal("model.safetensors", start.Files[^1].Name);
        var verified = Events.OfType<FileDone>().ToDictionary(d => d.File, d => d.Verified);
        Assert.Equal("sha256", verified["model.safetensors"]);
        Assert.Equal("git-sha1", verified["config.json"]);
        Assert.Equal("git-sha1", verified["tokenizer.json"]);
        Assert.IsType<PullDone>(Events[^1]);
        // Files are fetched at the commit the revision resolved to, and LFS content from the storage it redirects to.
        Assert.All(Hub.Requests.Where(r => r.Path.Contains("/resolve/")), r => Assert.Contains($"/resolve/{start.Commit}/", r.Path));
        Assert.Contains(Hub.Requests, r => r.ToStorage && r.Path.EndsWith("model.safetensors"));
        Assert.DoesNotContain(Hub.Requests, r => r.Range is not null);
        Assert.DoesNotContain(Hub.Requests, r => r.Path.EndsWith("README.md") || r.Path.Contains("onnx"));

        using var reader = CheckpointReader.Open(Out);
        Assert.Equal(Tiny.Weights.Count, reader.Entries.Count());
    }

    [Fact]
    public async Task A_broken_transfer_is_resumed_with_a_range_request_in_the_same_pull()
    {
        long size = new FileInfo(Path.Combine(Tiny.Directory, "model.safetensors")).Length;
        Hub.Cut(RepoId, "model.safetensors", at: size / 2);
        await Pull();
        AssertSameFiles(Tiny.Directory, Out, ModelFolder);
        var retry = Assert.Single(Events.OfType<FileRetry>());
        Assert.Equal("model.safetensors", retry.File);
        var gets = Resolves("model.safetensors").Where(r => r.ToStorage).ToList();
        Assert.Equal([null, $"bytes={size / 2}-"], gets.Select(r => r.Range));
    }

    [Fact]
    public async Task A_failed_pull_leaves_no_model_folder_and_the_next_pull_resumes_its_incomplete_file()
    {
        long size = new FileInfo(Path.Combine(Tiny.Directory, "model.safetensors")).Length;
        Hub.Cut(RepoId, "model.safetensors", at: size / 3);
        string error = await PullError(options: Options() with { MaxAttempts = 1 });
        Assert.Contains("model.safetensors: download failed after 1 attempt", error);
        Assert.Contains("run the same pull again to resume it", error);
        Assert.False(Directory.Exists(Out));
        Assert.Equal(size / 3, new FileInfo(Path.Combine(Partial, "model.safetensors.incomplete")).Length);
        Assert.Equal("incomplete download: run the same ab models pull again to resume it", LocalModels.Inspect(Partial).Problem);

        Events.Clear();
        int before = Hub.Requests.Count;
        await Pull();
        AssertSameFiles(Tiny.Directory, Out, ModelFolder);
        Assert.False(Directory.Exists(Partial));
        Assert.Equal(size / 3, Events.OfType<FileStarted>().Single(e => e.File == "model.safetensors").ResumedFrom);
        Assert.Equal($"bytes={size / 3}-", Hub.Requests.Skip(before).Single(r => r.ToStorage).Range);
        // The small files finished in the first pull and are not fetched again.
        Assert.True(Events.OfType<FileDone>().Single(d => d.File == "tokenizer.json").Cached);
        Assert.DoesNotContain(Hub.Requests.Skip(before), r => r.Method == "GET" && r.Path.EndsWith("tokenizer.json"));
    }

    [Fact]
    public async Task An_incomplete_file_of_an_older_version_is_discarded_not_resumed()
    {
        long size = new FileInfo(Path.Combine(Tiny.Directory, "model.safetensors")).Length;
        Hub.Cut(RepoId, "model.safetensors", at: size / 2);
        await PullError(options: Options() with { MaxAttempts = 1 });
        using var newer = TinyModel.Create(seed: 7);
        Hub.AddRepo(RepoId, newer.Directory);
        int before = Hub.Requests.Count;
        await Pull();
        AssertSameFiles(newer.Directory, Out, ModelFolder);
        Assert.DoesNotContain(Hub.Requests.Skip(before), r => r.Range is not null);
    }

    [Theory]
    [InlineData("model.safetensors", "sha256")]
    [InlineData("tokenizer.json", "git-sha1")]
    public async Task A_corrupt_file_fails_its_checksum_and_is_deleted(string file, string checksum)
    {
        Hub.Corrupt(RepoId, file);
        string error = await PullError();
        Assert.StartsWith($"{file}: checksum mismatch: the Hub's {checksum} is ", error);
        Assert.Contains("the corrupt file was deleted", error);
        Assert.False(Directory.Exists(Out));
        Assert.False(File.Exists(Path.Combine(Partial, file)));
        Assert.False(File.Exists(Path.Combine(Partial, file + ".incomplete")));
        Hub.AddRepo(RepoId, Tiny.Directory); // fixed on the Hub: the next pull succeeds
        await Pull();
        AssertSameFiles(Tiny.Directory, Out, ModelFolder);
    }

    [Fact]
    public async Task A_private_repo_needs_the_token_which_never_goes_to_the_storage_origin()
    {
        Hub.RequiredToken = "hf_secret";
        Assert.Equal("repository test-org/tiny-chat not found, or it is gated/private: set HF_TOKEN (or pass --token)", await PullError());
        Assert.Contains("a token was sent", await PullError(token: "hf_wrong"));
        await Pull(token: "hf_secret");
        AssertSameFiles(Tiny.Directory, Out, ModelFolder);
        var ok = Hub.Requests.Where(r => r.Authorization == "Bearer hf_secret").ToList();
        Assert.Contains(ok, r => r.Path.StartsWith("api/models/test-org/tiny-chat/revision/main"));
        Assert.Contains(ok, r => r.Path.EndsWith("resolve/" + Events.OfType<PullStarted>().Single().Commit + "/model.safetensors"));
        Assert.All(Hub.Requests.Where(r => r.ToStorage), r => Assert.Null(r.Authorization));
    }

    [Fact]
    public async Task A_missing_repo_or_revision_is_named()
    {
        Assert.Equal("repository test-org/missing not found, or it is gated/private: set HF_TOKEN (or pass --token)", await PullError("test-org/missing"));
        Assert.Equal("revision 'v9' not found in test-org/tiny-chat", await PullError(options: Options("v9")));
        Assert.False(Directory.Exists(Partial));
    }

    [Theory]
    [InlineData("pytorch_model.bin", "only safetensors weights are supported; this repo has pytorch_model.bin")]
    [InlineData("tiny-chat.Q4_K_M.gguf", "only safetensors weights are supported; this repo has tiny-chat.Q4_K_M.gguf (GGUF is llama.cpp's format)")]
    [InlineData("consolidated.safetensors", "test-org/other has consolidated.safetensors but no model.safetensors or model.safetensors.index.json")]
    [InlineData("adapter_model.safetensors", "test-org/other holds a LoRA adapter (adapter_model.safetensors), not a model")]
    public async Task A_repo_without_loadable_safetensors_weights_is_refused_before_any_download(string weights, string expected)
    {
        Hub.AddRepo("test-org/other", new Dictionary<string, byte[]>
        {
            ["config.json"] = File.ReadAllBytes(Path.Combine(Tiny.Directory, "config.json")),
            ["tokenizer.json"] = File.ReadAllBytes(Path.Combine(Tiny.Directory, "tokenizer.json")),
            [weights] = [1, 2, 3, 4],
        });
        Assert.StartsWith(expected, await PullError("test-org/other"));
        Assert.DoesNotContain(Hub.Requests, r => r.Path.Contains("/resolve/"));
    }

    [Fact]
    public async Task An_unsupported_architecture_is_refused_before_the_weights_are_fetched()
    {
        Hub.AddRepo("test-org/gpt2", new Dictionary<string, byte[]>
        {
            ["config.json"] = """{"architectures": ["GPT2LMHeadModel"], "model_type": "gpt2", "vocab_size": 50257}"""u8.ToArray(),
            ["tokenizer.json"] = File.ReadAllBytes(Path.Combine(Tiny.Directory, "tokenizer.json")),
            ["model.safetensors"] = File.ReadAllBytes(Path.Combine(Tiny.Directory, "model.safetensors")),
        });
        Assert.Equal("test-org/gpt2: unsupported architecture GPT2LMHeadModel; supported: LlamaForCausalLM, MistralForCausalLM, Qwen2ForCausalLM",
            await PullError("test-org/gpt2"));
        Assert.DoesNotContain(Hub.Requests, r => r.Path.EndsWith("model.safetensors"));
        Assert.False(Directory.Exists(Path.Combine(Dir, "models", "test-org--gpt2")));
        Assert.False(Directory.Exists(Path.Combine(Dir, "models", "test-org--gpt2.partial"))); // nothing worth resuming
    }

    [Fact]
    public async Task A_sharded_model_fetches_the_index_and_its_shards_but_not_a_second_copy()
    {
        var names = Tiny.Weights.Keys.Order(StringComparer.Ordinal).ToList();
        var shards = new[] { names.Take(names.Count / 2).ToList(), names.Skip(names.Count / 2).ToList() };
        string shardDir = TempDir.Create("shards");
        var files = new Dictionary<string, byte[]>();
        foreach (var f in new[] { "config.json", "tokenizer.json", "tokenizer_config.json" }) files[f] = File.ReadAllBytes(Path.Combine(Tiny.Directory, f));
        var weightMap = new Dictionary<string, string>();
        for (int i = 0; i < 2; i++)
        {
            string name = $"model-0000{i + 1}-of-00002.safetensors", path = Path.Combine(shardDir, name);
            TinyModel.WriteSafetensors(path, shards[i].ToDictionary(n => n, n => Tiny.Weights[n]), TorchSharp.torch.ScalarType.Float32);
            files[name] = File.ReadAllBytes(path);
            foreach (var n in shards[i]) weightMap[n] = name;
        }
        files["model.safetensors.index.json"] = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { metadata = new { total_size = 0 }, weight_map = weightMap });
        files["consolidated.safetensors"] = File.ReadAllBytes(Path.Combine(Tiny.Directory, "model.safetensors"));
        Hub.AddRepo("test-org/sharded", files);
        try
        {
            var done = await Pull("test-org/sharded", options: Options() with { OutDir = Path.Combine(Dir, "sharded") });
            Assert.Equal(["config.json", "model-00001-of-00002.safetensors", "model-00002-of-00002.safetensors", "model.safetensors.index.json", "tokenizer.json", "tokenizer_config.json"],
                Directory.EnumerateFiles(done.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
            using var reader = CheckpointReader.Open(done.Path);
            Assert.Equal(names, reader.Entries.Select(e => e.Name).Order(StringComparer.Ordinal));
            var model = LocalModels.Inspect(done.Path);
            Assert.Equal(Tiny.Weights.Values.Sum(w => (long)w.Values.Length), model.Parameters);
            Assert.DoesNotContain(Hub.Requests, r => r.Path.EndsWith("consolidated.safetensors"));
        }
        finally { TempDir.Delete(shardDir); }
    }

    [Fact]
    public async Task An_existing_model_folder_is_not_overwritten_and_repo_ids_are_checked()
    {
        Directory.CreateDirectory(Out);
        File.WriteAllText(Path.Combine(Out, "config.json"), "{}");
        Assert.Equal($"{Out} already exists: remove it first or choose another --out", await PullError());
        Assert.Empty(Hub.Requests);
        Assert.Contains("is not a Hub repository id", await PullError("../etc/passwd"));
        Assert.Contains("is not a Hub repository id", await PullError("https://huggingface.co/a/b"));
    }

    [Fact]
    public async Task An_unreachable_endpoint_is_reported_after_the_retries()
    {
        int port;
        using (var probe = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0)) { probe.Start(); port = ((System.Net.IPEndPoint)probe.LocalEndpoint).Port; probe.Stop(); }
        var ex = await Assert.ThrowsAsync<HubException>(() => Pull(options: Options() with { MaxAttempts = 2 }, endpoint: $"http://127.0.0.1:{port}"));
        Assert.StartsWith($"cannot reach http://127.0.0.1:{port}", ex.Message);
    }
}
