namespace AssistantBuilder.Core.Comparison;

/// <summary>A held-out evaluation: what ran, each contestant's summary, the verdict in a sentence, and every example.</summary>
public sealed record EvaluationReport(
    DateTimeOffset Created, string DataFile, int MaxTokens, int FewShot,
    IReadOnlyList<ContestantSummary> Contestants, string Verdict, IReadOnlyList<ExampleResult> Examples);
