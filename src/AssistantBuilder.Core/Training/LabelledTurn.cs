namespace AssistantBuilder.Core.Training;

/// <summary>One turn of a conversation as the chat template renders it, split into trained and untrained stretches.</summary>
/// <param name="Role"><c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The turn's text as imported.</param>
/// <param name="Segments">The rendered tokens of the turn (its template markup included), in order.</param>
public sealed record LabelledTurn(string Role, string Content, IReadOnlyList<LabelSegment> Segments);
