namespace AssistantBuilder.Core.Comparison;

/// <summary>One contestant's answer to one held-out example and its scores (Error set when it could not answer).</summary>
public sealed record ContestantAnswer(
    string Contestant, string Text, double F1, double RougeL, int FactsFound, int FactsTotal,
    double? Perplexity, int ReferenceTokens, double TimeToFirstTokenMs, double LatencyMs, int? PromptTokens, int CompletionTokens,
    int FewShotExamples, int? JudgeScore = null, string? Error = null);
