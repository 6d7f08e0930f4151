namespace AssistantBuilder.Web.Conversations;

/// <summary>A stored conversation with every message.</summary>
public sealed record ConversationDetail(
    Guid Id, Guid AssistantId, string AssistantName, Guid? VersionId, string Channel, string? Origin, DateTime CreatedAt, DateTime UpdatedAt,
    IReadOnlyList<MessageView> Messages);
