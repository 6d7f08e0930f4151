namespace AssistantBuilder.Core.Comparison;

/// <summary>A piece of a streamed answer; the last update carries the stats (and no text).</summary>
public sealed record AnswerUpdate(string Text, AnswerStats? Final = null);
