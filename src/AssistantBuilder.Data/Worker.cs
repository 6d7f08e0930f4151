namespace AssistantBuilder.Data;

/// <summary>
/// A training worker (<c>ab worker</c>, or a web node's embedded one) as it announced itself: where it runs, on which
/// device, and when it last renewed its leases. Rows stay after the worker exits (history); <see cref="StoppedAt"/> says it did.
/// </summary>
public sealed class Worker
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public required string Host { get; set; }
    public int Pid { get; set; }
    /// <summary>"cpu" or "cuda".</summary>
    public required string DeviceKind { get; set; }
    /// <summary>What <c>ab train --device</c> gets: "cpu" or "cuda:N".</summary>
    public required string Device { get; set; }
    /// <summary>The device's memory in bytes (GPU memory for CUDA, physical memory for CPU), when known.</summary>
    public long? MemoryBytes { get; set; }
    /// <summary>True for a web node's embedded worker (the node relays its events to the hub itself); false for <c>ab worker</c>.</summary>
    public bool Embedded { get; set; }
    public DateTime StartedAt { get; set; } = DateTime.UtcNow;
    public DateTime LastSeenAt { get; set; } = DateTime.UtcNow;
    public DateTime? StoppedAt { get; set; }
}
