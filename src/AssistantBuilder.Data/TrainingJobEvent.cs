namespace AssistantBuilder.Data;

/// <summary>One progress event of a job (step, eval, checkpoint, done, log), kept for its charts and log.</summary>
public sealed class TrainingJobEvent
{
    public long Id { get; set; }
    public Guid JobId { get; set; }
    /// <summary>step, eval, checkpoint, data, done or log.</summary>
    public required string Kind { get; set; }
    public int Step { get; set; }
    /// <summary>The event as the trainer reported it (snake_case JSON).</summary>
    public required string Json { get; set; }
    public DateTime At { get; set; } = DateTime.UtcNow;
    /// <summary>The <see cref="Worker"/> whose attempt wrote the event (null for events written by a web node, or before workers existed).</summary>
    public Guid? WorkerId { get; set; }
}
