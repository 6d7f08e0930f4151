namespace AssistantBuilder.Core.Comparison;

/// <summary>How a held-out evaluation runs: answer length cap (greedy decoding always), and the optional LLM judge.</summary>
public sealed record EvaluationOptions(int MaxTokens = 96, LlmJudge? Judge = null);
