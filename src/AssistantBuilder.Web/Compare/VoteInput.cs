namespace AssistantBuilder.Web.Compare;

/// <summary>A blind vote: the assistant, the question, the contestant kinds in the order shown as A, B(, C), and the choice.</summary>
public sealed record VoteInput(Guid AssistantId, string Question, IReadOnlyList<string> Order, string Choice);
