using System.Text.Json;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>The body of <c>POST /v1/chat/completions</c> (the fields this server reads; others are ignored).</summary>
public sealed record ChatCompletionRequest
{
    /// <summary>The assistant: its name or id.</summary>
    public string? Model { get; init; }
    public List<ChatMessageInput>? Messages { get; init; }
    public bool? Stream { get; init; }
    public StreamOptions? StreamOptions { get; init; }
    public int? MaxTokens { get; init; }
    public int? MaxCompletionTokens { get; init; }
    public double? Temperature { get; init; }
    public double? TopP { get; init; }
    /// <summary>A string or an array of up to 4 strings.</summary>
    public JsonElement? Stop { get; init; }
    public long? Seed { get; init; }
    public int? N { get; init; }
    /// <summary>vLLM's extension: keep generating past the end-of-turn token up to max_tokens (fixed-length answers, for benchmarks).</summary>
    public bool? IgnoreEos { get; init; }
}

/// <summary>One message of a request; content is a string or an array of text parts.</summary>
public sealed record ChatMessageInput(string? Role, JsonElement? Content);

public sealed record StreamOptions(bool? IncludeUsage);
