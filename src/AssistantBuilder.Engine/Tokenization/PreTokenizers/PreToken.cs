namespace AssistantBuilder.Engine.Tokenization;

/// <summary>One pre-token: text for the model, and whether it begins at the start of the input (see <see cref="TextSplit"/>).</summary>
internal readonly record struct PreToken(string Text, bool AtStart);
