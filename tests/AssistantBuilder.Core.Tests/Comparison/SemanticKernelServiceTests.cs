using AssistantBuilder.Core.Comparison;
using AssistantBuilder.Core.Serving;
using AssistantBuilder.Engine;
using AssistantBuilder.Engine.Serving;
using AssistantBuilder.Testing;
using Microsoft.Extensions.AI;
using Microsoft.SemanticKernel.ChatCompletion;

namespace AssistantBuilder.Core.Tests.Comparison;

/// <summary>The local engine through Semantic Kernel, teacher-forced scoring and a held-out run, on the tiny random model.</summary>
public sealed class SemanticKernelServiceTests : IDisposable
{
    readonly TinyModel _tiny = TinyModel.Create(scale: 0.5f);
    readonly ModelHost _host = new();

    public void Dispose()
    {
        _host.Dispose();
        _tiny.Dispose();
    }

    EngineChatClient Client(string? system = null) => new(_host.Get(_tiny.Directory), new EngineChatProfile("tiny", SystemPrompt: system));

    [Fact]
    public async Task Sk_chat_completion_service_streams_the_same_tokens_as_the_engine_client_when_greedy()
    {
        var client = Client(system: "be brief");
        var expected = new List<string>();
        await foreach (var u in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "hello there")], new ChatOptions { Temperature = 0, MaxOutputTokens = 24 }))
            if (u.Text.Length > 0) expected.Add(u.Text);

        var kernel = LocalKernel.Create(client);
        var service = kernel.GetRequiredService<IChatCompletionService>();
        var history = new ChatHistory();
        history.AddUserMessage("hello there");
        var streamed = new List<string>();
        await foreach (var c in service.GetStreamingChatMessageContentsAsync(history, LocalKernel.Greedy(24), kernel))
            if (!string.IsNullOrEmpty(c.Content)) streamed.Add(c.Content);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, streamed);
        Assert.Same(client, kernel.GetRequiredService<IChatClient>());
    }

    [Fact]
    public async Task Scoring_a_reference_answer_matches_a_direct_forward_pass_even_while_the_engine_is_generating()
    {
        var client = Client();
        var messages = new[] { new ChatMessage(ChatRole.System, "sys"), new ChatMessage(ChatRole.User, "abc") };
        using var reference = ChatModel.Load(_tiny.Directory);
        var prompt = client.EncodePrompt(messages);
        IReadOnlyList<int> ids = [.. prompt, .. reference.Tokenizer.Encode("hello", addSpecialTokens: false), reference.EosTokenIds[0]];
        var expected = TokenScoring.LogProbs(reference.Model, ids, prompt.Count);

        var busy = client.GetResponseAsync([new ChatMessage(ChatRole.User, "keep the batch loop busy")], new ChatOptions { Temperature = 0, MaxOutputTokens = 40 });
        var scored = await client.ScoreAnswerAsync(messages, "hello");
        await busy;

        Assert.Equal(ids.Count - prompt.Count, scored.Length);
        Assert.All(scored, lp => Assert.True(lp < 0));
        for (int i = 0; i < expected.Length; i++) Assert.Equal(expected[i], scored[i], 4);
    }

    [Fact]
    public async Task A_held_out_run_answers_with_both_configurations_and_scores_them()
    {
        var eval = Path.Combine(TempDir.Create("eval"), "eval.jsonl");
        File.WriteAllLines(eval,
        [
            """{"messages":[{"role":"user","content":"abc"},{"role":"assistant","content":"hello"}]}""",
            """{"messages":[{"role":"user","content":"hi"},{"role":"assistant","content":"b"},{"role":"user","content":"bca"},{"role":"assistant","content":"cab"}]}""",
        ]);
        var items = EvalSet.Load(eval);
        Assert.Equal(["abc", "bca"], items.Select(i => i.Question));
        Assert.Equal(3, items[1].Prompt.Count);

        var selector = new FewShotSelector([new FewShotExample("abc please", "hello"), new FewShotExample("xyz", "zzz")]);
        var contestants = new[]
        {
            Contestant.LocalModel("tuned", ContestantKind.FineTuned, Client(), LocalKernel.Greedy(8)),
            Contestant.PromptedModel("prompted", Client(), "sys", selector, 2, 8, LocalKernel.Greedy(8)),
        };
        var report = await HeldOutEvaluator.RunAsync(items, contestants, new EvaluationOptions(8), "eval.jsonl");

        Assert.Equal(2, report.Examples.Count);
        Assert.All(report.Examples.SelectMany(e => e.Answers), a =>
        {
            Assert.Null(a.Error);
            Assert.NotNull(a.Perplexity);
            Assert.True(a.CompletionTokens is > 0 and <= 8, $"{a.CompletionTokens} answer tokens");
            Assert.True(a.PromptTokens > 0);
        });
        Assert.Equal(1, report.Examples[0].Answers[1].FewShotExamples); // "abc please" shares a word with "abc"; "xyz" does not
        Assert.True(report.Examples[0].Answers[1].PromptTokens > report.Examples[0].Answers[0].PromptTokens);
        Assert.Equal(2, report.Contestants.Count);
        Assert.NotNull(report.Contestants[1].Perplexity);
    }
}
