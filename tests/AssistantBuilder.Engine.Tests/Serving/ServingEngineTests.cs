using AssistantBuilder.Engine.Generation;
using AssistantBuilder.Engine.Serving;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Engine.Tests.Serving;

/// <summary>Continuous batching must not change what any request gets: every output equals unbatched decoding.</summary>
public sealed class ServingEngineTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(scale: 0.5f);
    readonly ChatModel _reference, _served;

    public ServingEngineTests()
    {
        _reference = ChatModel.Load(_tiny.Directory);
        _served = ChatModel.LoadForServing(_tiny.Directory);
    }

    static int[] Prompt(int length, int seed)
    {
        var random = new Random(seed);
        return [TinyTokenizer.ImStart, .. Enumerable.Range(0, length - 1).Select(_ => random.Next(32, 256))];
    }

    async Task<List<int>> Unbatched(IReadOnlyList<int> prompt, GenerationOptions options)
    {
        var ids = new List<int>();
        await foreach (int id in new TokenGenerator(_reference.Model).GenerateAsync(prompt, options)) ids.Add(id);
        return ids;
    }

    static async Task<List<ServingChunk>> Collect(IAsyncEnumerable<ServingChunk> chunks)
    {
        var list = new List<ServingChunk>();
        await foreach (var c in chunks) list.Add(c);
        return list;
    }

    [Theory]
    [InlineData(3)]
    [InlineData(8)]
    public async Task Concurrent_greedy_requests_of_different_lengths_and_start_times_match_unbatched_decoding(int slots)
    {
        using var engine = new ServingEngine(_served, new ServingOptions { Slots = slots });
        int[] lengths = [3, 17, 8, 30, 1, 12, 22, 5];
        var requests = lengths.Select((n, i) => new ServingRequest(Prompt(n, i), new GenerationOptions { MaxNewTokens = 12 + 5 * i, EosTokenIds = [TinyTokenizer.ImEnd] })).ToList();
        var tasks = requests.Select(async (r, i) => { await Task.Delay(7 * i); return await Collect(engine.GenerateAsync(r)); }).ToList();
        var results = await Task.WhenAll(tasks);
        for (int i = 0; i < requests.Count; i++)
        {
            var expected = await Unbatched(requests[i].PromptIds, requests[i].Options);
            Assert.Equal(expected, results[i].Select(c => c.TokenId));
            Assert.Equal(expected.Count == requests[i].Options.MaxNewTokens && expected[^1] != TinyTokenizer.ImEnd ? "length" : "stop", results[i][^1].FinishReason);
            Assert.All(results[i].SkipLast(1), c => Assert.Null(c.FinishReason));
            Assert.Equal(Enumerable.Range(1, expected.Count), results[i].Select(c => c.CompletionTokens));
            Assert.All(results[i], c => Assert.Equal(requests[i].PromptIds.Count, c.PromptTokens));
        }
        Assert.Equal(0, engine.ActiveCount + engine.WaitingCount);
    }

    /// <summary>Holds the batch loop inside a job until the returned gate opens, so that requests queue up meanwhile.</summary>
    internal static async Task<ManualResetEventSlim> HoldLoopAsync(ServingEngine engine)
    {
        var gate = new ManualResetEventSlim();
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _ = engine.RunOnLoopAsync(() => { entered.SetResult(); return gate.Wait(TimeSpan.FromSeconds(60)); });
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(60));
        return gate;
    }

    [Fact]
    public async Task Requests_queued_together_are_prefilled_in_one_forward_beside_running_ones_and_match_unbatched_decoding()
    {
        using var engine = new ServingEngine(_served, new ServingOptions { Slots = 8 });
        var eos = new GenerationOptions { EosTokenIds = [TinyTokenizer.ImEnd] };
        var running = new ServingRequest(Prompt(10, 40), eos with { MaxNewTokens = 60 });
        var early = new List<ServingChunk>();
        var firstChunk = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var runningTask = Task.Run(async () => { await foreach (var c in engine.GenerateAsync(running)) { early.Add(c); firstChunk.TrySetResult(); } });
        await firstChunk.Task.WaitAsync(TimeSpan.FromSeconds(60));
        // Mid-decode: six requests of mixed prompt lengths arrive while the loop is held, one of them ending at its first
        // token (so a gap opens among the prefilled slots), then all enter in one prefill beside the running sequence.
        int[] lengths = [4, 29, 1, 13, 7, 21];
        var requests = lengths.Select((n, i) => new ServingRequest(Prompt(n, 50 + i), eos with { MaxNewTokens = i == 2 ? 1 : 9 + 4 * i })).ToList();
        var (forwardsBefore, _) = engine.PrefillStats;
        List<Task<List<ServingChunk>>> tasks;
        using (var gate = await HoldLoopAsync(engine))
        {
            tasks = requests.Select(r => Collect(engine.GenerateAsync(r))).ToList();
            Assert.Equal(requests.Count, engine.WaitingCount);
            gate.Set();
            await Task.WhenAll(tasks);
        }
        await runningTask;
        Assert.Equal(forwardsBefore + 1, engine.PrefillStats.Forwards);
        Assert.Equal(requests.Count, engine.PrefillStats.LargestBatch);
        for (int i = 0; i < requests.Count; i++)
            Assert.Equal(await Unbatched(requests[i].PromptIds, requests[i].Options), (await tasks[i]).Select(c => c.TokenId));
        Assert.Single(await tasks[2]);
        Assert.Equal(await Unbatched(running.PromptIds, running.Options), early.Select(c => c.TokenId));
        Assert.Equal(0, engine.ActiveCount + engine.WaitingCount);
    }

    [Fact]
    public async Task The_prefill_token_budget_splits_admission_into_several_forwards_with_the_same_outputs()
    {
        using var engine = new ServingEngine(_served, new ServingOptions { Slots = 8, PrefillTokens = 40 });
        var options = new GenerationOptions { MaxNewTokens = 10 };
        int[] lengths = [12, 12, 12, 30, 5];
        var requests = lengths.Select((n, i) => new ServingRequest(Prompt(n, 70 + i), options)).ToList();
        List<Task<List<ServingChunk>>> tasks;
        using (var gate = await HoldLoopAsync(engine))
        {
            tasks = requests.Select(r => Collect(engine.GenerateAsync(r))).ToList();
            gate.Set();
            await Task.WhenAll(tasks);
        }
        // 3 x 12 = 36 padded tokens fit 40; then 30 alone (2 x 30 > 40), then 5 beside nothing waiting.
        Assert.Equal((3, 3), engine.PrefillStats);
        for (int i = 0; i < requests.Count; i++)
            Assert.Equal(await Unbatched(requests[i].PromptIds, options), (await tasks[i]).Select(c => c.TokenId));
    }

    [Fact]
    public async Task The_batch_loop_runs_libtorch_with_the_configured_threads_and_bad_counts_are_refused()
    {
        int threads = Math.Max(1, TorchSharp.torch.get_num_threads() - 1);
        using var engine = new ServingEngine(_served, new ServingOptions { Slots = 2, Threads = threads });
        Assert.Equal(threads, await engine.RunOnLoopAsync(TorchSharp.torch.get_num_threads));
        var options = new GenerationOptions { MaxNewTokens = 12 };
        Assert.Equal(await Unbatched(Prompt(7, 2), options), (await Collect(engine.GenerateAsync(new ServingRequest(Prompt(7, 2), options)))).Select(c => c.TokenId));
        var error = Assert.Throws<ArgumentException>(() => new ServingEngine(_served, new ServingOptions { Threads = -1 }));
        Assert.Contains("threads", error.Message);
    }

    [Fact]
    public async Task More_requests_than_slots_wait_and_all_finish()
    {
        using var engine = new ServingEngine(_served, new ServingOptions { Slots = 2 });
        var options = new GenerationOptions { MaxNewTokens = 20 };
        var results = await Task.WhenAll(Enumerable.Range(0, 7).Select(i => Collect(engine.GenerateAsync(new ServingRequest(Prompt(4 + i, i), options)))));
        for (int i = 0; i < 7; i++) Assert.Equal(await Unbatched(Prompt(4 + i, i), options), results[i].Select(c => c.TokenId));
    }

    [Fact]
    public async Task Seeded_sampling_per_request_is_reproducible_whatever_else_is_in_the_batch()
    {
        using var engine = new ServingEngine(_served, new ServingOptions { Slots = 4 });
        var sampled = new GenerationOptions { MaxNewTokens = 30, Temperature = 1.3, TopP = 0.95, TopK = 40, RepetitionPenalty = 1.1, Seed = 11 };
        var alone = await Collect(engine.GenerateAsync(new ServingRequest(Prompt(9, 1), sampled)));
        var crowd = Enumerable.Range(0, 3).Select(i => Collect(engine.GenerateAsync(new ServingRequest(Prompt(5 + 3 * i, 10 + i), sampled with { Seed = 100 + i })))).ToList();
        var together = await Collect(engine.GenerateAsync(new ServingRequest(Prompt(9, 1), sampled)));
        await Task.WhenAll(crowd);
        Assert.Equal(alone.Select(c => c.TokenId), together.Select(c => c.TokenId));
        Assert.Equal(await Unbatched(Prompt(9, 1), sampled), alone.Select(c => c.TokenId));
        Assert.True(alone.Select(c => c.TokenId).Distinct().Count() > 3, "sampling should not be stuck on one token");
    }

    [Fact]
    public async Task Stop_strings_and_max_tokens_are_honoured_as_in_single_request_generation()
    {
        using var engine = new ServingEngine(_served, new ServingOptions { Slots = 4 });
        var prompt = Prompt(6, 3);
        var greedy = new GenerationOptions { MaxNewTokens = 30 };
        string text = string.Concat((await Collect(engine.GenerateAsync(new ServingRequest(prompt, greedy)))).Select(c => c.Text));
        string stop = text.Substring(text.Length / 2, 2);
        var withStop = greedy with { StopStrings = [stop] };
        var expected = new List<GenerationChunk>();
        await foreach (var c in _reference.GenerateAsync(prompt, withStop)) expected.Add(c);
        var (stopped, capped) = (engine.GenerateAsync(new ServingRequest(prompt, withStop)), engine.GenerateAsync(new ServingRequest(Prompt(11, 4), greedy with { MaxNewTokens = 7 })));
        var both = await Task.WhenAll(Collect(stopped), Collect(capped));
        Assert.Equal(expected.Select(c => (c.TokenId, c.Text, c.FinishReason)), both[0].Select(c => (c.TokenId, c.Text, c.FinishReason)));
        Assert.Equal("stop", both[0][^1].FinishReason);
        Assert.DoesNotContain(stop, string.Concat(both[0].Select(c => c.Text)));
        Assert.Equal(7, both[1].Count);
        Assert.Equal("length", both[1][^1].FinishReason);
    }

    [Fact]
    public async Task Cancelling_a_request_frees_its_slot_and_the_others_continue()
    {
        using var engine = new ServingEngine(_served, new ServingOptions { Slots = 2 });
        var options = new GenerationOptions { MaxNewTokens = 60 };
        using var cts = new CancellationTokenSource();
        var cancelled = new List<int>();
        var first = Task.Run(async () =>
        {
            await foreach (var c in engine.GenerateAsync(new ServingRequest(Prompt(7, 1), options), cts.Token))
            {
                cancelled.Add(c.TokenId);
                if (cancelled.Count == 3) await cts.CancelAsync();
            }
        });
        var second = Collect(engine.GenerateAsync(new ServingRequest(Prompt(12, 2), options)));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        Assert.Equal(3, cancelled.Count);
        // Leaving an enumeration early frees the slot too.
        await foreach (var _ in engine.GenerateAsync(new ServingRequest(Prompt(5, 3), options))) break;
        var third = await Collect(engine.GenerateAsync(new ServingRequest(Prompt(9, 4), options with { MaxNewTokens = 10 })));
        Assert.Equal(await Unbatched(Prompt(9, 4), options with { MaxNewTokens = 10 }), third.Select(c => c.TokenId));
        Assert.Equal(await Unbatched(Prompt(12, 2), options), (await second).Select(c => c.TokenId));
        Assert.Equal(0, engine.ActiveCount);
    }

    [Fact]
    public async Task Bad_requests_fail_with_clear_errors()
    {
        using var engine = new ServingEngine(_served, new ServingOptions { Slots = 2, MaxSequenceLength = 64 });
        var ok = new GenerationOptions { MaxNewTokens = 5 };
        await Assert.ThrowsAsync<ArgumentException>(() => Collect(engine.GenerateAsync(new ServingRequest([], ok))));
        var ex = await Assert.ThrowsAsync<ArgumentException>(() => Collect(engine.GenerateAsync(new ServingRequest(Prompt(64, 1), ok))));
        Assert.Contains("the prompt has 64 tokens but a served sequence holds 64", ex.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => Collect(engine.GenerateAsync(new ServingRequest(Prompt(4, 1), ok with { TopP = 0 }))));
        ex = await Assert.ThrowsAsync<ArgumentException>(() => Collect(engine.GenerateAsync(new ServingRequest(Prompt(4, 1), ok, AdapterId: "nope"))));
        Assert.Contains("unknown adapter 'nope'", ex.Message);
        var nearEnd = await Collect(engine.GenerateAsync(new ServingRequest(Prompt(61, 1), ok with { MaxNewTokens = 50 })));
        Assert.Equal(3, nearEnd.Count);
        Assert.Equal("length", nearEnd[^1].FinishReason);
    }

    public void Dispose()
    {
        _reference.Dispose();
        _served.Dispose();
        _tiny.Dispose();
    }
}
