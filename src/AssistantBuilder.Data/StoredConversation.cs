namespace AssistantBuilder.Data;

/// <summary>A stored chat with an assistant, from the widget, the playground or the API.</summary>
public sealed class StoredConversation
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AssistantId { get; set; }
    /// <summary>The adapter version that answered (null: the base model).</summary>
    public Guid? VersionId { get; set; }
    /// <summary>widget, playground or api.</summary>
    public required string Channel { get; set; }
    public string? Origin { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime UpdatedAt { get; set; } = DateTime.UtcNow;
    public List<StoredMessage> Messages { get; set; } = [];
}
