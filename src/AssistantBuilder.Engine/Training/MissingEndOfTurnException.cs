namespace AssistantBuilder.Engine.Training;

/// <summary>An assistant turn renders without any end-of-turn token: a model trained on it would never learn to stop.</summary>
public sealed class MissingEndOfTurnException(string templateName, int turn, string message)
    : TurnException(templateName, turn, message);
