namespace AssistantBuilder.Core.Training;

/// <summary>A stretch of a rendered conversation: <paramref name="Trained"/> when training computes the loss on its tokens.</summary>
/// <param name="Text">The tokens decoded back to text, special tokens and template markup included.</param>
/// <param name="Trained">Whether the tokens carry labels (the model learns to write them).</param>
/// <param name="Tokens">How many tokens the stretch has.</param>
public sealed record LabelSegment(string Text, bool Trained, int Tokens);
