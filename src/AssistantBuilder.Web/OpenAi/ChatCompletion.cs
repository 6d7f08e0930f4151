namespace AssistantBuilder.Web.OpenAi;

/// <summary>A whole answer (<c>stream: false</c>).</summary>
public sealed record ChatCompletion(string Id, long Created, string Model, IReadOnlyList<ChatChoice> Choices, Usage Usage)
{
    public string Object => "chat.completion";
}

public sealed record ChatChoice(int Index, ChatMessageOutput Message, string FinishReason);

public sealed record ChatMessageOutput(string Role, string Content);

public sealed record Usage(int PromptTokens, int CompletionTokens, int TotalTokens);
