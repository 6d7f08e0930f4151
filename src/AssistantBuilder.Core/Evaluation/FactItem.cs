namespace AssistantBuilder.Core.Evaluation;

/// <summary>One entry of a sample domain's facts.json: an eval item's id, its last user turn and the key facts its answer must contain.</summary>
public sealed record FactItem(string QuestionId, string Question, IReadOnlyList<string> Facts);
