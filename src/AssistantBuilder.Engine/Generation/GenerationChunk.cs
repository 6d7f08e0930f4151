namespace AssistantBuilder.Engine.Generation;

/// <summary>
/// One generated token and the text it completes (empty while a UTF-8 character or a possible stop string is
/// still incomplete). The last chunk carries the finish reason: "stop" (end-of-sequence id or stop string) or "length".
/// </summary>
public sealed record GenerationChunk(int TokenId, string Text, string? FinishReason = null);
