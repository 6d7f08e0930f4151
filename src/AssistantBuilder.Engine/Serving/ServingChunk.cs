namespace AssistantBuilder.Engine.Serving;

/// <summary>
/// One generated token of a served request, as <see cref="Generation.GenerationChunk"/>: the id, the text it completes
/// (empty while a character or a possible stop string is incomplete), and on the last chunk the finish reason,
/// "stop" (end-of-sequence id or stop string) or "length"; with the request's token counts so far.
/// </summary>
public sealed record ServingChunk(int TokenId, string Text, string? FinishReason, int PromptTokens, int CompletionTokens);
