namespace AssistantBuilder.Data;

/// <summary>One fine-tuned adapter of an assistant (numbered 1, 2, ...); promoting one makes it the served version.</summary>
public sealed class AdapterVersion
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AssistantId { get; set; }
    public int Number { get; set; }
    /// <summary>The training job that made it, when it was made here.</summary>
    public Guid? JobId { get; set; }
    /// <summary>The PEFT adapter folder, relative to the data directory.</summary>
    public required string AdapterDir { get; set; }
    public string Notes { get; set; } = "";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
