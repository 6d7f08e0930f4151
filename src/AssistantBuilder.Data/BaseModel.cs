namespace AssistantBuilder.Data;

/// <summary>A base model folder in Hugging Face layout: shipped with the app, pulled from the hub, or uploaded.</summary>
public sealed class BaseModel
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    /// <summary>Absolute path, or relative to the data directory for models stored there.</summary>
    public required string Path { get; set; }
    public ModelSource Source { get; set; }
    public string Architecture { get; set; } = "";
    public long Parameters { get; set; }
    public string DType { get; set; } = "";
    public int ContextLength { get; set; }
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
}

public enum ModelSource { Shipped, Pulled, Uploaded }
