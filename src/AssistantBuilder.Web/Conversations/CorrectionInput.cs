namespace AssistantBuilder.Web.Conversations;

/// <summary>An operator's better answer; empty or null removes the correction.</summary>
public sealed record CorrectionInput(string? Correction);
