namespace AssistantBuilder.Core.Datasets;

/// <summary>One turn of an imported conversation.</summary>
/// <param name="Role"><c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The text of the turn.</param>
/// <param name="Train">
/// Whether the model is trained on this turn. Only meaningful for assistant turns: false when the source marked
/// the turn with <c>"weight": 0</c>.
/// </param>
public sealed record ConversationTurn(string Role, string Content, bool Train = true);
