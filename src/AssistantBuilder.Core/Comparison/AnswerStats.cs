namespace AssistantBuilder.Core.Comparison;

/// <summary>
/// How one answer went: time to the first text and to the end (ms), prompt and answer tokens (the local model's
/// tokenizer; for an external model the answer's streamed pieces, null prompt), tokens per second over the whole
/// answer, and the few-shot examples the prompt held.
/// </summary>
public sealed record AnswerStats(double TimeToFirstTokenMs, double LatencyMs, int? PromptTokens, int CompletionTokens, int FewShotExamples)
{
    public double TokensPerSecond => LatencyMs <= 0 ? 0 : CompletionTokens / (LatencyMs / 1000.0);
}
