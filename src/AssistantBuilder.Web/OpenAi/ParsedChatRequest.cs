using Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>A checked chat completion request, ready for an assistant's chat client.</summary>
public sealed record ParsedChatRequest(string Model, IReadOnlyList<ChatMessage> Messages, ChatOptions Options, bool Stream, bool IncludeUsage);
