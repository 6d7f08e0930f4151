namespace AssistantBuilder.Data;

/// <summary>A public key that lets the embeddable widget on an allowed origin talk to one assistant.</summary>
public sealed class WidgetKey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public Guid AssistantId { get; set; }
    /// <summary>Public by design (it sits in the page's script tag); origins and rate limits protect it.</summary>
    public required string Key { get; set; }
    public string Label { get; set; } = "";
    public bool Revoked { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
