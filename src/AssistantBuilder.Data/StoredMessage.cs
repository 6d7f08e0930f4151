namespace AssistantBuilder.Data;

/// <summary>One turn of a stored conversation, with a visitor's rating and an operator's correction when given.</summary>
public sealed class StoredMessage
{
    public long Id { get; set; }
    public Guid ConversationId { get; set; }
    public int Index { get; set; }
    /// <summary>system, user or assistant.</summary>
    public required string Role { get; set; }
    public required string Content { get; set; }
    public int Tokens { get; set; }
    /// <summary>True when the answer was stopped or cut off before the model ended its turn.</summary>
    public bool Truncated { get; set; }
    /// <summary>+1 thumbs up, -1 thumbs down, null not rated.</summary>
    public int? Rating { get; set; }
    public string? Comment { get; set; }
    /// <summary>An operator's better answer, used instead of this one when the conversation becomes training data.</summary>
    public string? Correction { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
