namespace AssistantBuilder.Core.Comparison;

/// <summary>One eval item's key facts from a facts.json file (see data/samples/README.md): the strings a good answer contains.</summary>
public sealed record KeyFact(string? QuestionId, string? Question, IReadOnlyList<string> Facts);
