using AssistantBuilder.Engine.Chat;

namespace AssistantBuilder.Core.Datasets;

/// <summary>A validated conversation: optional system turn, then user/assistant turns alternating, ending with an assistant turn.</summary>
/// <param name="Turns">The turns in order.</param>
/// <param name="SourceLine">The 1-based line of the source file where the record starts.</param>
public sealed record Conversation(IReadOnlyList<ConversationTurn> Turns, int SourceLine)
{
    /// <summary>The turns as chat messages, for chat templates.</summary>
    public IReadOnlyList<ChatMessage> ToMessages() => Turns.Select(t => new ChatMessage(t.Role, t.Content)).ToList();
}
