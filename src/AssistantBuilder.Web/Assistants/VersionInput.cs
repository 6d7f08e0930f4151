namespace AssistantBuilder.Web.Assistants;

/// <summary>A new adapter version: the completed training job whose adapter it is, and a note for the operator.</summary>
public sealed record VersionInput(Guid? JobId, string? Notes);
