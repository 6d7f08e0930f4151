namespace AssistantBuilder.Data;

/// <summary>
/// An imported conversations file. The original upload is kept under the data directory (<see cref="StoredFile"/>,
/// relative to it); the row exists only once the import has completed.
/// </summary>
public sealed class Dataset
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    /// <summary>The detected import format: openai, sharegpt, alpaca, csv or transcript.</summary>
    public required string Format { get; set; }
    public required string OriginalFileName { get; set; }
    public required string StoredFile { get; set; }
    public long SizeBytes { get; set; }
    public int Conversations { get; set; }
    public int RejectedCount { get; set; }
    /// <summary>The import's statistics and rejected records (line and reason), as JSON.</summary>
    public string ReportJson { get; set; } = "{}";
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}
