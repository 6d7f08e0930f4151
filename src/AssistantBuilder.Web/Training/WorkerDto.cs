namespace AssistantBuilder.Web.Training;

/// <summary>
/// A training worker as operators see it: where it runs, its device, and what it is doing. <see cref="State"/> is
/// <c>training</c> (holds a job's lease), <c>idle</c>, <c>silent</c> (not stopped, but not heard from for longer than
/// two leases: killed or cut off; its job is taken over when the lease expires) or <c>stopped</c>.
/// </summary>
public sealed record WorkerDto(Guid Id, string Name, string Host, int Pid, string DeviceKind, string Device, long? MemoryBytes, bool Embedded,
    DateTime StartedAt, DateTime LastSeenAt, DateTime? StoppedAt, string State, Guid? JobId, string? JobName);
