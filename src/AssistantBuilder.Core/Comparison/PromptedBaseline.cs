using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;
using MeaiMessage = Microsoft.Extensions.AI.ChatMessage;

namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// The prompted baseline: the base model with a system prompt (rendered through a Semantic Kernel prompt template)
/// and k few-shot exchanges picked for each question from a training set by similarity, as SK chat-history turns:
/// system, then the examples (least similar first, so the closest sits next to the question), then the
/// conversation. Examples are dropped, least similar first, until the prompt leaves <paramref name="reserveTokens"/>
/// of the model's context free for the answer; tokens are counted with the model's own tokenizer and template.
/// </summary>
public sealed class PromptedBaseline(Kernel kernel, string? systemPrompt, FewShotSelector? selector, int fewShot,
    Func<IReadOnlyList<MeaiMessage>, int> countTokens, int contextTokens, int reserveTokens)
{
    /// <summary>The system message's template: the operator's system prompt, as a template variable.</summary>
    public const string SystemTemplate = "{{$system}}";

    readonly IPromptTemplate _template = new KernelPromptTemplateFactory { AllowDangerouslySetContent = true }.Create(new PromptTemplateConfig(SystemTemplate)
    {
        // the text becomes one chat message as it is, never parsed as prompt markup: keep apostrophes and angle brackets
        AllowDangerouslySetContent = true,
    });

    public int FewShot => fewShot;

    /// <summary>The history for a conversation that ends with the user's question (its own system turn is used when no system prompt is set).</summary>
    public async Task<PromptedPrompt> BuildAsync(IReadOnlyList<MeaiMessage> conversation, CancellationToken ct = default)
    {
        string? system = systemPrompt is { Length: > 0 } ? systemPrompt
            : conversation.FirstOrDefault(m => m.Role == Microsoft.Extensions.AI.ChatRole.System)?.Text;
        string? rendered = system is null ? null : await _template.RenderAsync(kernel, new KernelArguments { ["system"] = system }, ct);
        string question = conversation.LastOrDefault(m => m.Role == Microsoft.Extensions.AI.ChatRole.User)?.Text ?? "";
        var examples = selector is null || fewShot <= 0 ? [] : selector.Select(question, fewShot).ToList();
        while (true)
        {
            var history = History(rendered, examples, conversation);
            int tokens = countTokens(ToMessages(history));
            if (tokens + reserveTokens <= contextTokens || examples.Count == 0) return new PromptedPrompt(history, examples, tokens);
            examples.RemoveAt(examples.Count - 1);
        }
    }

    static ChatHistory History(string? system, IReadOnlyList<FewShotExample> examples, IReadOnlyList<MeaiMessage> conversation)
    {
        var history = new ChatHistory();
        if (system is { Length: > 0 }) history.AddSystemMessage(system);
        for (int i = examples.Count - 1; i >= 0; i--)
        {
            history.AddUserMessage(examples[i].User);
            history.AddAssistantMessage(examples[i].Assistant);
        }
        foreach (var m in conversation.Where(m => m.Role != Microsoft.Extensions.AI.ChatRole.System))
            history.AddMessage(new AuthorRole(m.Role.Value), m.Text);
        return history;
    }

    /// <summary>An SK chat history as Microsoft.Extensions.AI messages (role and text).</summary>
    public static IReadOnlyList<MeaiMessage> ToMessages(ChatHistory history) =>
        history.Select(m => new MeaiMessage(new Microsoft.Extensions.AI.ChatRole(m.Role.Label), m.Content ?? "")).ToList();
}
