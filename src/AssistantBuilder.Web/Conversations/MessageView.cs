using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Conversations;

/// <summary>One stored turn as operators and the widget see it.</summary>
public sealed record MessageView(int Index, string Role, string Content, int Tokens, bool Truncated, int? Rating, string? Comment, string? Correction, DateTime CreatedAt)
{
    public static MessageView From(StoredMessage m) => new(m.Index, m.Role, m.Content, m.Tokens, m.Truncated, m.Rating, m.Comment, m.Correction, m.CreatedAt);
}
