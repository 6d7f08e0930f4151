using Microsoft.Extensions.AI;

namespace AssistantBuilder.Core.Serving;

/// <summary>
/// What makes one configuration of a served base model: its name for clients, the adapter (none: the base model),
/// the system prompt put first when a conversation brings none, and default sampling options.
/// </summary>
public sealed record EngineChatProfile(string ModelId, string? AdapterDirectory = null, string? SystemPrompt = null, ChatOptions? Defaults = null)
{
    public ChatOptions Defaults { get; init; } = Defaults ?? new ChatOptions();
}
