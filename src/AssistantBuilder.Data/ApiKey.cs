namespace AssistantBuilder.Data;

/// <summary>A bearer key for the OpenAI-compatible API. Only its SHA-256 hash is stored; the key is shown once.</summary>
public sealed class ApiKey
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    /// <summary>The first characters of the key, to tell keys apart in lists (e.g. "ab-3f9c").</summary>
    public required string Prefix { get; set; }
    public required string Hash { get; set; }
    public bool Revoked { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public DateTime? LastUsedAt { get; set; }
}
