namespace AssistantBuilder.Core.Serving;

/// <summary>A chat request the model cannot serve as asked (too long for its context, an unknown role, bad options).</summary>
public sealed class ChatRequestException(string message) : Exception(message);
