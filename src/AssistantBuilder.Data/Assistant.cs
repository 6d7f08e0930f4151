namespace AssistantBuilder.Data;

/// <summary>
/// A servable assistant: a base model, the promoted version of its fine-tuned adapter (or none), a system prompt,
/// generation settings and widget settings.
/// </summary>
public sealed class Assistant
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public required string Name { get; set; }
    public Guid BaseModelId { get; set; }
    public BaseModel? BaseModel { get; set; }
    /// <summary>The adapter version served now; null serves the base model with the system prompt alone.</summary>
    public Guid? ActiveVersionId { get; set; }
    public string SystemPrompt { get; set; } = "";
    public GenerationSettings Generation { get; set; } = new();
    public WidgetSettings Widget { get; set; } = new();
    public DateTime CreatedAt { get; set; } = DateTime.UtcNow;
    public List<AdapterVersion> Versions { get; set; } = [];
}
