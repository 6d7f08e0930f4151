using AssistantBuilder.Engine.Chat;

namespace AssistantBuilder.Core.Evaluation;

/// <summary>One held-out conversation: everything before the reference answer (the prompt), the reference answer and its key facts.</summary>
public sealed record FactEvalItem(string Id, IReadOnlyList<ChatMessage> Prompt, string Reference, IReadOnlyList<string> Facts)
{
    /// <summary>The last user turn of the prompt.</summary>
    public string Question => Prompt.Last(m => m.Role == "user").Content;
}
