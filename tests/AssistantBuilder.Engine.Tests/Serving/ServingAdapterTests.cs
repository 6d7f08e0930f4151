using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Generation;
using AssistantBuilder.Engine.Lora;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Serving;
using AssistantBuilder.Testing;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Tests.Serving;

/// <summary>Several assistants on one base model: each request's adapter applies to its own rows only.</summary>
public sealed class ServingAdapterTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(TinyModel.DefaultConfig("Qwen2ForCausalLM"), scale: 0.5f);
    readonly string _adapterA, _adapterB;
    static readonly int[] PromptA = [TinyTokenizer.ImStart, 117, 115, 101, 114, 10, 104, 105], PromptB = [TinyTokenizer.ImStart, 97, 98, 99];

    public ServingAdapterTests()
    {
        _adapterA = MakeAdapter("a", new LoraConfig { R = 4, LoraAlpha = 8, LoraDropout = 0.1 }, seed: 1);
        _adapterB = MakeAdapter("b", new LoraConfig { R = 2, LoraAlpha = 4, UseRslora = true, TargetModules = ["q_proj", "v_proj", "down_proj"] }, seed: 2);
    }

    // A trained-looking adapter: B drawn from a seeded generator (the global torch seed is not ours to change).
    string MakeAdapter(string name, LoraConfig config, int seed)
    {
        using var model = ModelLoader.Load(_tiny.Directory, lora: config);
        using (var generator = new Generator((ulong)seed))
        using (no_grad())
            foreach (var (_, layer) in model.LoraLayers()) layer.B.copy_(randn(layer.B.shape, generator: generator) * 0.3);
        string dir = Path.Combine(_tiny.Directory, name);
        PeftAdapter.Save(model, dir, config);
        return dir;
    }

    static async Task<List<int>> Single(string directory, string? adapter, IReadOnlyList<int> prompt, GenerationOptions options)
    {
        using var chat = ChatModel.Load(directory, adapterDirectory: adapter, mergeAdapter: false);
        var ids = new List<int>();
        await foreach (int id in new TokenGenerator(chat.Model).GenerateAsync(prompt, options)) ids.Add(id);
        return ids;
    }

    static async Task<List<int>> Ids(IAsyncEnumerable<ServingChunk> chunks)
    {
        var ids = new List<int>();
        await foreach (var c in chunks) ids.Add(c.TokenId);
        return ids;
    }

    [Fact]
    public async Task Requests_with_adapter_A_adapter_B_and_none_in_one_batch_each_match_their_own_model()
    {
        using var chat = ChatModel.LoadForServing(_tiny.Directory);
        using var engine = new ServingEngine(chat, new ServingOptions { Slots = 8 });
        engine.Adapters.Load("a", _adapterA);
        engine.Adapters.Load("b", _adapterB);
        var options = new GenerationOptions { MaxNewTokens = 24 };
        (string? Adapter, string? Dir, int[] Prompt)[] cases =
            [("a", _adapterA, PromptA), (null, null, PromptA), ("b", _adapterB, PromptA), ("a", _adapterA, PromptB), ("b", _adapterB, PromptB), (null, null, PromptB)];
        var served = await Task.WhenAll(cases.Select(c => Ids(engine.GenerateAsync(new ServingRequest(c.Prompt, options, c.Adapter)))));
        for (int i = 0; i < cases.Length; i++)
            Assert.Equal(await Single(_tiny.Directory, cases[i].Dir, cases[i].Prompt, options), served[i]);
        Assert.NotEqual(served[0], served[1]);
        Assert.NotEqual(served[0], served[2]);
        Assert.NotEqual(served[1], served[2]);
        // One adapter for the whole batch takes the path without row selection; it must agree too.
        var allA = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Ids(engine.GenerateAsync(new ServingRequest(PromptA, options, "a")))));
        Assert.All(allA, ids => Assert.Equal(served[0], ids));
    }

    [Fact]
    public async Task Mixed_adapters_prefilled_together_in_one_forward_each_match_their_own_model()
    {
        using var chat = ChatModel.LoadForServing(_tiny.Directory);
        using var engine = new ServingEngine(chat, new ServingOptions { Slots = 8 });
        engine.Adapters.Load("a", _adapterA);
        engine.Adapters.Load("b", _adapterB);
        var options = new GenerationOptions { MaxNewTokens = 16 };
        int[] longer = [.. PromptA, 40, 41, 42, 43, 44, 45];
        (string? Adapter, string? Dir, int[] Prompt)[] cases =
            [("b", _adapterB, PromptB), ("a", _adapterA, longer), (null, null, PromptA), ("a", _adapterA, PromptB), (null, null, longer)];
        List<Task<List<int>>> tasks;
        using (var gate = await ServingEngineTests.HoldLoopAsync(engine))
        {
            tasks = cases.Select(c => Ids(engine.GenerateAsync(new ServingRequest(c.Prompt, options, c.Adapter)))).ToList();
            gate.Set();
            await Task.WhenAll(tasks);
        }
        Assert.Equal((1, cases.Length), engine.PrefillStats);
        for (int i = 0; i < cases.Length; i++)
            Assert.Equal(await Single(_tiny.Directory, cases[i].Dir, cases[i].Prompt, options), await tasks[i]);
    }

    [Fact]
    public async Task Adapters_can_be_removed_and_bad_ones_are_refused()
    {
        using var chat = ChatModel.LoadForServing(_tiny.Directory);
        using var engine = new ServingEngine(chat, new ServingOptions { Slots = 2 });
        engine.Adapters.Load("a", _adapterA);
        Assert.Equal(["a"], engine.Adapters.Ids);
        // Removing an adapter while a request uses it: that request still finishes with it, later ones are refused.
        var options = new GenerationOptions { MaxNewTokens = 16 };
        var ids = new List<int>();
        await foreach (var c in engine.GenerateAsync(new ServingRequest(PromptA, options, "a")))
        {
            if (ids.Count == 0) Assert.True(engine.Adapters.Remove("a"));
            ids.Add(c.TokenId);
        }
        Assert.Equal(await Single(_tiny.Directory, _adapterA, PromptA, options), ids);
        Assert.Empty(engine.Adapters.Ids);
        await Assert.ThrowsAsync<ArgumentException>(() => Ids(engine.GenerateAsync(new ServingRequest(PromptA, new GenerationOptions { MaxNewTokens = 3 }, "a"))));
        using var other = TinyModel.Create(TinyModel.DefaultConfig() with { HiddenSize = 48 });
        var ex = Assert.Throws<CheckpointException>(() => engine.Adapters.Load("wrong", MakeAdapterFor(other)));
        Assert.Contains("adapter does not fit the model", ex.Message);
        Assert.Contains("expected [4, 32]", ex.Message);
        using var plain = ChatModel.Load(_tiny.Directory);
        using var noRouter = new ServingEngine(plain);
        Assert.Throws<InvalidOperationException>(() => noRouter.Adapters.Load("a", _adapterA));
    }

    static string MakeAdapterFor(TinyModel tiny)
    {
        var config = new LoraConfig { R = 4, LoraAlpha = 8 };
        using var model = ModelLoader.Load(tiny.Directory, lora: config);
        string dir = Path.Combine(tiny.Directory, "adapter");
        PeftAdapter.Save(model, dir, config);
        return dir;
    }

    public void Dispose() => _tiny.Dispose();
}
