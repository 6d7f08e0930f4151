namespace AssistantBuilder.Engine.Chat;

/// <summary>One turn of a conversation, as HF chat templates see it: <c>{"role": ..., "content": ...}</c>.</summary>
public sealed record ChatMessage(string Role, string Content);
