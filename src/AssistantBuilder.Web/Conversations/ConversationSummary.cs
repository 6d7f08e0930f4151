namespace AssistantBuilder.Web.Conversations;

/// <summary>A stored conversation in an assistant's list: where it came from, when, how long, how it was rated.</summary>
public sealed record ConversationSummary(
    Guid Id, Guid AssistantId, string Channel, string? Origin, DateTime CreatedAt, DateTime UpdatedAt, int Messages, int ThumbsUp, int ThumbsDown, int Corrections);
