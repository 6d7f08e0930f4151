namespace AssistantBuilder.Core.Comparison;

/// <summary>One held-out example with every contestant's answer, in contestant order.</summary>
public sealed record ExampleResult(int Index, string Question, string Reference, IReadOnlyList<string> Facts, IReadOnlyList<ContestantAnswer> Answers);
