using AssistantBuilder.Core.Comparison;

namespace AssistantBuilder.Web.Compare;

/// <summary>One contestant's answer to a side-by-side question, with its stats (Error set when it failed).</summary>
public sealed record ContestantReply(string Name, string Kind, string Text, AnswerStats? Stats, string? Error);
