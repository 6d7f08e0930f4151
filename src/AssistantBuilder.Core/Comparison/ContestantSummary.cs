namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// A contestant's means over the examples it answered: token F1, ROUGE-L, fact recall (facts found / facts named,
/// null without facts), perplexity of the reference answers (exp of the token-weighted mean NLL; null for an external
/// model), time to first token, latency, answer tokens, tokens/s, and the judge's mean score (1–5) when one ran.
/// </summary>
public sealed record ContestantSummary(
    string Name, ContestantKind Kind, int Answered, int Errors, double F1, double RougeL, double? FactRecall, double? Perplexity,
    double TimeToFirstTokenMs, double LatencyMs, double CompletionTokens, double TokensPerSecond, double? JudgeScore);
