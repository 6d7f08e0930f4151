using System.Diagnostics;
using System.Runtime.CompilerServices;
using AssistantBuilder.Core.Serving;
using AssistantBuilder.Engine.Serving;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using MeaiMessage = Microsoft.Extensions.AI.ChatMessage;

namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// One side of a comparison: a Semantic Kernel chat completion service and how to build its chat history for a
/// conversation (as it is, or the prompted baseline's few-shot prompt). Local contestants also keep their
/// <see cref="EngineChatClient"/> for token counts and teacher-forced perplexity.
/// </summary>
public sealed class Contestant
{
    public required string Name { get; init; }
    public required ContestantKind Kind { get; init; }
    public required IChatCompletionService Service { get; init; }
    public Kernel? Kernel { get; init; }
    /// <summary>The local engine behind <see cref="Service"/>; null for an external model.</summary>
    public EngineChatClient? Local { get; init; }
    /// <summary>The prompted baseline's prompt builder; null sends the conversation as it is.</summary>
    public PromptedBaseline? Prompting { get; init; }
    /// <summary>Settings for every request (null: the service's defaults).</summary>
    public PromptExecutionSettings? Settings { get; init; }

    /// <summary>A local configuration served through SK (the engine's chat client adapted to <see cref="IChatCompletionService"/>).</summary>
    public static Contestant LocalModel(string name, ContestantKind kind, EngineChatClient client, PromptExecutionSettings? settings, PromptedBaseline? prompting = null)
    {
        var kernel = LocalKernel.Create(client);
        return new Contestant
        {
            Name = name, Kind = kind, Kernel = kernel, Service = kernel.GetRequiredService<IChatCompletionService>(), Local = client,
            Prompting = prompting, Settings = settings,
        };
    }

    /// <summary>
    /// The prompted baseline on a local model: the base model's client (no adapter), the system prompt, and k
    /// few-shot examples per question, keeping <paramref name="reserveTokens"/> of the context for the answer.
    /// </summary>
    public static Contestant PromptedModel(string name, EngineChatClient baseClient, string? systemPrompt, FewShotSelector? selector, int fewShot,
        int reserveTokens, PromptExecutionSettings? settings)
    {
        var kernel = LocalKernel.Create(baseClient);
        var prompting = new PromptedBaseline(kernel, systemPrompt, selector, fewShot, baseClient.CountPromptTokens, baseClient.MaxSequenceLength, reserveTokens);
        return new Contestant
        {
            Name = name, Kind = ContestantKind.Prompted, Kernel = kernel, Service = kernel.GetRequiredService<IChatCompletionService>(), Local = baseClient,
            Prompting = prompting, Settings = settings,
        };
    }

    public async Task<PromptedPrompt> PromptAsync(IReadOnlyList<MeaiMessage> conversation, CancellationToken ct = default)
    {
        if (Prompting is not null) return await Prompting.BuildAsync(conversation, ct);
        var history = new ChatHistory();
        foreach (var m in conversation) history.AddMessage(new AuthorRole(m.Role.Value), m.Text);
        return new PromptedPrompt(history, [], Local?.CountPromptTokens(conversation) ?? 0);
    }

    /// <summary>Streams the answer to a conversation that ends with a user turn; the last update has the stats.</summary>
    public async IAsyncEnumerable<AnswerUpdate> StreamAsync(IReadOnlyList<MeaiMessage> conversation, [EnumeratorCancellation] CancellationToken ct = default)
    {
        var prompt = await PromptAsync(conversation, ct);
        var clock = Stopwatch.StartNew();
        double? first = null;
        int pieces = 0;
        ServingChunk? last = null;
        var text = new System.Text.StringBuilder();
        await foreach (var update in Service.GetStreamingChatMessageContentsAsync(prompt.History, Settings, Kernel, ct))
        {
            if (update.InnerContent is ServingChunk chunk) last = chunk;
            if (string.IsNullOrEmpty(update.Content)) continue;
            first ??= clock.Elapsed.TotalMilliseconds;
            pieces++;
            text.Append(update.Content);
            yield return new AnswerUpdate(update.Content);
        }
        double total = clock.Elapsed.TotalMilliseconds;
        // local: the engine's own counts; external: one streamed piece is about one token
        int completion = last?.CompletionTokens ?? (Local is null ? pieces : Local.CountTokens(text.ToString()));
        int? promptTokens = last?.PromptTokens ?? (Local is null ? null : prompt.PromptTokens);
        yield return new AnswerUpdate("", new AnswerStats(first ?? total, total, promptTokens, completion, prompt.Examples.Count));
    }

    /// <summary>Per-token log-probabilities of a reference answer under this local configuration (same prompt as it answers with).</summary>
    public async Task<double[]?> ScoreAsync(IReadOnlyList<MeaiMessage> conversation, string reference, CancellationToken ct = default)
    {
        if (Local is null) return null;
        var prompt = await PromptAsync(conversation, ct);
        return await Local.ScoreAnswerAsync(PromptedBaseline.ToMessages(prompt.History), reference);
    }
}
