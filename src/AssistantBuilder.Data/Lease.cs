namespace AssistantBuilder.Data;

/// <summary>A named, expiring claim that one process at a time holds (e.g. "hub-relay": the web node that relays other workers' job events to the hub).</summary>
public sealed class Lease
{
    public required string Name { get; set; }
    public required string Owner { get; set; }
    public DateTime ExpiresAt { get; set; }
}
