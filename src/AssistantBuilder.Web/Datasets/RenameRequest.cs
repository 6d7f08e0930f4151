namespace AssistantBuilder.Web.Datasets;

/// <summary>The body of PATCH /api/datasets/{id}.</summary>
public sealed record RenameRequest(string? Name);
