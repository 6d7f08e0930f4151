namespace AssistantBuilder.Engine.Training;

/// <summary>
/// The chat template renders (or the tokenizer splits) a turn differently depending on what follows it, so the
/// tokens of an assistant turn cannot be located in the whole conversation without guessing.
/// </summary>
public sealed class TemplateMismatchException(string templateName, int turn, string message)
    : TurnException(templateName, turn, message);
