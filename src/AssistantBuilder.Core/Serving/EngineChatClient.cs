using System.Runtime.CompilerServices;
using AssistantBuilder.Engine.Generation;
using AssistantBuilder.Engine.Serving;
using Microsoft.Extensions.AI;
using EngineMessage = AssistantBuilder.Engine.Chat.ChatMessage;

namespace AssistantBuilder.Core.Serving;

/// <summary>
/// The local engine as a Microsoft.Extensions.AI chat client: one base model served with continuous batching, an
/// optional LoRA adapter applied per request, a system prompt, and default sampling settings that requests may
/// override. Semantic Kernel, the OpenAI-compatible API, the widget hub and the playground all talk to this.
/// </summary>
public sealed class EngineChatClient(ServedModel model, EngineChatProfile profile) : IChatClient
{
    /// <summary>Option key for HF's repetition penalty, which ChatOptions has no field for.</summary>
    public const string RepetitionPenaltyKey = "repetition_penalty";
    /// <summary>Option key (true) for generating past the end-of-sequence ids, up to the token limit (vLLM's ignore_eos).</summary>
    public const string IgnoreEosKey = "ignore_eos";

    public async Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default) =>
        await GetStreamingResponseAsync(messages, options, cancellationToken).ToChatResponseAsync(cancellationToken);

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var prompt = EncodePrompt(messages);
        var request = new ServingRequest(prompt, GenerationFor(options, prompt.Count),
            profile.AdapterDirectory is { } dir ? model.EnsureAdapter(dir) : null);
        string responseId = Guid.NewGuid().ToString("N");
        var created = DateTimeOffset.UtcNow;
        await foreach (var chunk in model.Engine.GenerateAsync(request, cancellationToken))
        {
            if (chunk.Text.Length > 0 || chunk.FinishReason is not null)
                yield return Update(chunk, responseId, created);
        }
    }

    /// <summary>The conversation rendered with the model's chat template (the profile's system prompt first) as token ids.</summary>
    public IReadOnlyList<int> EncodePrompt(IEnumerable<ChatMessage> messages)
    {
        var turns = Turns(messages);
        if (turns.Count == 0 || turns[^1].Role == "assistant")
            throw new ChatRequestException("the conversation must end with a user message");
        var ids = model.Chat.EncodeChat(model.Chat.RenderChat(turns));
        if (ids.Count >= model.Engine.MaxSequenceLength)
            throw new ChatRequestException($"the conversation is {ids.Count} tokens long; {profile.ModelId} takes at most {model.Engine.MaxSequenceLength - 1} " +
                "tokens of prompt (shorten or drop earlier messages)");
        return ids;
    }

    /// <summary>
    /// The conversation cut to fit the model: the oldest turns go first (never a system message or the newest user
    /// message), until the prompt leaves room for an answer of the request's (or the profile's) maximum length, at
    /// most half the context. For chats whose history the app keeps (widget, playground), so that a long conversation
    /// goes on instead of failing; when the newest message alone is too long, <see cref="EncodePrompt"/> still says so.
    /// </summary>
    public IReadOnlyList<ChatMessage> FitToContext(IReadOnlyList<ChatMessage> messages, ChatOptions? options = null)
    {
        int answer = Math.Clamp(options?.MaxOutputTokens ?? profile.Defaults.MaxOutputTokens ?? 256, 1, MaxSequenceLength / 2);
        int budget = MaxSequenceLength - 1 - answer;
        var kept = messages.ToList();
        while (kept.Count > 1 && CountPromptTokens(kept) > budget)
        {
            int oldest = kept.FindIndex(m => m.Role != ChatRole.System);
            if (oldest < 0 || oldest >= kept.Count - 1) break;
            kept.RemoveAt(oldest);
            while (oldest < kept.Count - 1 && kept[oldest].Role == ChatRole.Assistant) kept.RemoveAt(oldest); // start on a user turn
        }
        return kept;
    }

    /// <summary>The longest prompt plus answer one request may reach, in tokens.</summary>
    public int MaxSequenceLength => model.Engine.MaxSequenceLength;

    /// <summary>How many tokens plain text takes with the model's tokenizer (no special tokens).</summary>
    public int CountTokens(string text) => model.Chat.Tokenizer.Encode(text, addSpecialTokens: false).Count;

    /// <summary>How many tokens the conversation's prompt takes (as <see cref="EncodePrompt"/>, without the length check).</summary>
    public int CountPromptTokens(IEnumerable<ChatMessage> messages) => model.Chat.EncodeChat(model.Chat.RenderChat(Turns(messages))).Count;

    // The conversation as engine messages, the profile's system prompt first unless it brings its own.
    List<EngineMessage> Turns(IEnumerable<ChatMessage> messages)
    {
        var turns = messages.Select(ToEngine).ToList();
        if (profile.SystemPrompt is { Length: > 0 } system && (turns.Count == 0 || turns[0].Role != "system"))
            turns.Insert(0, new EngineMessage("system", system));
        return turns;
    }

    /// <summary>
    /// Teacher-forced log-probabilities of a reference answer given the conversation (this profile's adapter and
    /// system prompt): the answer's tokens followed by the model's end-of-turn token, each given everything before
    /// it. Mean negative log-probability is the answer's cross-entropy; its exponential, the perplexity.
    /// </summary>
    public async Task<double[]> ScoreAnswerAsync(IEnumerable<ChatMessage> messages, string answer)
    {
        var prompt = EncodePrompt(messages);
        var eos = model.Chat.EosTokenIds;
        IReadOnlyList<int> ids = [.. prompt, .. model.Chat.Tokenizer.Encode(answer, addSpecialTokens: false), .. eos.Take(1)];
        if (ids.Count > MaxSequenceLength)
            throw new ChatRequestException($"prompt and reference answer take {ids.Count} tokens; {profile.ModelId} holds {MaxSequenceLength}");
        try { return await model.Engine.ScoreAsync(ids, prompt.Count, profile.AdapterDirectory is { } dir ? model.EnsureAdapter(dir) : null); }
        catch (ArgumentException ex) { throw new ChatRequestException(ex.Message); }
    }

    GenerationOptions GenerationFor(ChatOptions? request, int promptTokens)
    {
        var d = profile.Defaults;
        var options = model.Chat.DefaultOptions() with
        {
            Temperature = request?.Temperature ?? d.Temperature ?? 0.7f,
            TopP = request?.TopP ?? d.TopP ?? 1f,
            TopK = request?.TopK ?? d.TopK ?? 0,
            MaxNewTokens = Math.Min(request?.MaxOutputTokens ?? d.MaxOutputTokens ?? 256, model.Engine.MaxSequenceLength - promptTokens),
            Seed = request?.Seed ?? d.Seed,
            StopStrings = [.. d.StopSequences ?? [], .. request?.StopSequences ?? []],
            RepetitionPenalty = RepetitionPenalty(request) ?? RepetitionPenalty(d) ?? 1.0,
        };
        if (request?.AdditionalProperties?.TryGetValue(IgnoreEosKey, out var ignore) == true && ignore is true) options = options with { EosTokenIds = [] };
        try { options.Validate(); }
        catch (ArgumentException ex) { throw new ChatRequestException(ex.Message); }
        return options;
    }

    static double? RepetitionPenalty(ChatOptions? options) =>
        options?.AdditionalProperties?.TryGetValue(RepetitionPenaltyKey, out var value) == true ? Convert.ToDouble(value, System.Globalization.CultureInfo.InvariantCulture) : null;

    static EngineMessage ToEngine(ChatMessage message)
    {
        var role = message.Role.Value.ToLowerInvariant();
        if (role is not ("system" or "user" or "assistant"))
            throw new ChatRequestException($"role '{message.Role.Value}' is not supported (system, user and assistant are)");
        return new EngineMessage(role, message.Text);
    }

    ChatResponseUpdate Update(ServingChunk chunk, string responseId, DateTimeOffset created)
    {
        var update = new ChatResponseUpdate(ChatRole.Assistant, chunk.Text)
        {
            ResponseId = responseId, MessageId = responseId, CreatedAt = created, ModelId = profile.ModelId,
            RawRepresentation = chunk, // reaches Semantic Kernel as InnerContent, with the token counts SK's adapter leaves out
        };
        if (chunk.FinishReason is { } finish)
        {
            update.FinishReason = finish == "length" ? ChatFinishReason.Length : ChatFinishReason.Stop;
            update.Contents.Add(new UsageContent(new UsageDetails
            {
                InputTokenCount = chunk.PromptTokens, OutputTokenCount = chunk.CompletionTokens, TotalTokenCount = chunk.PromptTokens + chunk.CompletionTokens,
            }));
        }
        return update;
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is not null ? null
        : serviceType == typeof(ChatClientMetadata) ? new ChatClientMetadata("assistantbuilder", null, profile.ModelId)
        : serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose() { } // the served model belongs to the ModelHost
}
