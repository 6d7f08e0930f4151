namespace AssistantBuilder.Engine.Training;

/// <summary>A run cannot continue from its checkpoint: there is none, or it was made with other settings or data.</summary>
public sealed class ResumeException(string message) : Exception(message);
