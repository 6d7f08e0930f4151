using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Assistants;

/// <summary>
/// What an operator sends to create or update an assistant. Settings left out keep their defaults (create) or their
/// current values (update). <see cref="JobId"/> (create only) starts the assistant with that completed job's adapter
/// as version 1, promoted.
/// </summary>
public sealed record AssistantInput
{
    public string? Name { get; init; }
    public Guid? BaseModelId { get; init; }
    public string? SystemPrompt { get; init; }
    public GenerationSettings? Generation { get; init; }
    public WidgetSettings? Widget { get; init; }
    public Guid? JobId { get; init; }
}
