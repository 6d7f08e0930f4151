namespace AssistantBuilder.Data;

/// <summary>A LoRA fine-tune of a base model on a dataset. Jobs run one at a time per device, in creation order.</summary>
public sealed class TrainingJob
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public Guid BaseModelId { get; set; }
    public BaseModel? BaseModel { get; set; }
    public Guid DatasetId { get; set; }
    public Dataset? Dataset { get; set; }
    public TrainingSettings Settings { get; set; } = new();
    public JobStatus Status { get; set; } = JobStatus.Queued;
    /// <summary>"cpu", "cuda" (any GPU), "cuda:N" or "auto" (any worker): which workers may claim the job.</summary>
    public string Device { get; set; } = "cpu";
    /// <summary>Where checkpoints, the adapter and the log go, relative to the data directory.</summary>
    public required string OutputDir { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
    /// <summary>Seconds spent running, summed over every attempt (a resumed job keeps counting).</summary>
    public double ElapsedSeconds { get; set; }
    public int Attempts { get; set; }
    public int Step { get; set; }
    public int TotalSteps { get; set; }
    public double? TrainLoss { get; set; }
    public double? EvalLoss { get; set; }
    public string? Error { get; set; }
    /// <summary>Set when the operator asked to cancel; the runner stops the job at its next step.</summary>
    public bool CancelRequested { get; set; }
    /// <summary>The <see cref="Worker"/> running the job (while Running); it renews <see cref="LeaseExpiresAt"/> every few seconds.</summary>
    public Guid? LeaseOwner { get; set; }
    /// <summary>When the running worker's claim lapses (UTC): past it, the worker is taken for dead and another one takes the job over.</summary>
    public DateTime? LeaseExpiresAt { get; set; }
    public List<TrainingJobEvent> Events { get; set; } = [];
}

public enum JobStatus { Queued, Running, Completed, Failed, Cancelled }
