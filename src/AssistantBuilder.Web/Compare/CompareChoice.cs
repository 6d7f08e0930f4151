namespace AssistantBuilder.Web.Compare;

/// <summary>An assistant or dataset to pick on the comparison pages.</summary>
public sealed record CompareChoice(Guid Id, string Name);
