using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Assistants;

/// <summary>An assistant as the API returns it, with its versions (newest first) and which one is live.</summary>
public sealed record AssistantView(Guid Id, string Name, Guid BaseModelId, string BaseModelName, string SystemPrompt,
    GenerationSettings Generation, WidgetSettings Widget, Guid? ActiveVersionId, int? ActiveVersionNumber, DateTime CreatedAt,
    IReadOnlyList<AdapterVersionView> Versions);
