namespace AssistantBuilder.Core.Training;

/// <summary>A conversation rendered with a model's chat template, with the label mask training would use.</summary>
/// <param name="SourceLine">The line of the dataset file where the conversation starts.</param>
/// <param name="Tokens">Tokens of the rendered conversation (0 when it could not be labelled).</param>
/// <param name="TrainedTokens">Tokens with labels: the loss is computed on these.</param>
/// <param name="Turns">The turns; without <paramref name="Error"/>, their segments together are the whole rendered conversation.</param>
/// <param name="Error">Why training would refuse this conversation with this model (its segments are then the plain turns, untrained).</param>
public sealed record LabelledConversation(int SourceLine, int Tokens, int TrainedTokens, IReadOnlyList<LabelledTurn> Turns, string? Error);
