using AssistantBuilder.Engine.Generation;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Engine.Tests.Support;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Engine.Tests.Generation;

public sealed class TokenGeneratorTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(scale: 0.5f);
    readonly CausalLm _model;
    static readonly int[] Prompt = [TinyTokenizer.ImStart, 117, 115, 101, 114, 10, 104, 105];

    public TokenGeneratorTests() => _model = ModelLoader.Load(_tiny.Directory);

    async Task<List<int>> Generate(GenerationOptions options, IReadOnlyList<int>? prompt = null, CancellationToken ct = default)
    {
        var ids = new List<int>();
        await foreach (int id in new TokenGenerator(_model).GenerateAsync(prompt ?? Prompt, options, ct)) ids.Add(id);
        return ids;
    }

    [Theory]
    [InlineData(0.0, 0, 1.0, 1.0)]
    [InlineData(0.9, 0, 1.0, 1.0)]
    [InlineData(1.2, 20, 0.9, 1.3)]
    public async Task With_and_without_the_KV_cache_the_output_is_identical(double temperature, int topK, double topP, double penalty)
    {
        var options = new GenerationOptions { MaxNewTokens = 40, Temperature = temperature, TopK = topK, TopP = topP, RepetitionPenalty = penalty, Seed = 7 };
        var cached = await Generate(options);
        var uncached = await Generate(options with { UseKvCache = false });
        Assert.Equal(40, cached.Count);
        Assert.Equal(uncached, cached);
        if (temperature > 0) Assert.True(cached.Distinct().Count() > 3, "sampling should not be stuck on one token");
    }

    [Fact]
    public async Task Seeded_sampling_is_reproducible_and_seeds_differ()
    {
        var options = new GenerationOptions { MaxNewTokens = 30, Temperature = 1.5, Seed = 1 };
        Assert.Equal(await Generate(options), await Generate(options));
        Assert.NotEqual(await Generate(options), await Generate(options with { Seed = 2 }));
    }

    [Fact]
    public async Task Top_k_of_one_and_a_tiny_top_p_are_greedy()
    {
        var greedy = await Generate(new GenerationOptions { MaxNewTokens = 20 });
        Assert.Equal(greedy, await Generate(new GenerationOptions { MaxNewTokens = 20, Temperature = 2, TopK = 1, Seed = 3 }));
        Assert.Equal(greedy, await Generate(new GenerationOptions { MaxNewTokens = 20, Temperature = 2, TopP = 1e-6, Seed = 3 }));
    }

    [Fact]
    public async Task Repetition_penalty_discourages_repeats()
    {
        var plain = await Generate(new GenerationOptions { MaxNewTokens = 40 });
        var penalised = await Generate(new GenerationOptions { MaxNewTokens = 40, RepetitionPenalty = 5 });
        Assert.True(penalised.Distinct().Count() > plain.Distinct().Count(), $"{penalised.Distinct().Count()} vs {plain.Distinct().Count()} distinct");
    }

    [Fact]
    public async Task Stops_at_an_end_of_sequence_id_and_yields_it()
    {
        var greedy = await Generate(new GenerationOptions { MaxNewTokens = 20 });
        int eos = greedy[5];
        var stopped = await Generate(new GenerationOptions { MaxNewTokens = 20, EosTokenIds = [eos] });
        Assert.Equal(greedy.Take(greedy.IndexOf(eos) + 1), stopped);
    }

    [Fact]
    public async Task Context_limits_and_bad_options_give_clear_errors()
    {
        var tooLong = Enumerable.Repeat(65, _tiny.Config.MaxPositionEmbeddings).ToArray();
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Generate(new GenerationOptions(), tooLong));
        Assert.Contains("the prompt has 128 tokens but the model's context holds 128", ex.Message);
        var nearEnd = Enumerable.Repeat(65, _tiny.Config.MaxPositionEmbeddings - 3).ToArray();
        Assert.Equal(3, (await Generate(new GenerationOptions { MaxNewTokens = 50 }, nearEnd)).Count);
        await Assert.ThrowsAsync<ArgumentException>(() => Generate(new GenerationOptions { TopP = 0 }));
        await Assert.ThrowsAsync<ArgumentException>(() => Generate(new GenerationOptions(), []));
    }

    [Fact]
    public async Task Cancellation_stops_generation()
    {
        using var cts = new CancellationTokenSource();
        var ids = new List<int>();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (int id in new TokenGenerator(_model).GenerateAsync(Prompt, new GenerationOptions { MaxNewTokens = 100 }, cts.Token))
            {
                ids.Add(id);
                if (ids.Count == 3) cts.Cancel();
            }
        });
        Assert.Equal(3, ids.Count);
    }

    public void Dispose()
    {
        _model.Dispose();
        _tiny.Dispose();
    }
}
