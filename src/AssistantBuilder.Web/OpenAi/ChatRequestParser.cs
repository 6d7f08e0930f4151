using System.Text.Json;
using Microsoft.Extensions.AI;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>Checks a chat completion request and maps it to messages and <see cref="ChatOptions"/>, naming the bad parameter.</summary>
public static class ChatRequestParser
{
    public const int MaxStops = 4;

    public static ParsedChatRequest Parse(ChatCompletionRequest r)
    {
        if (string.IsNullOrWhiteSpace(r.Model)) throw Bad("you must provide a model parameter (an assistant's name or id, see GET /v1/models)", "model");
        if (r.Messages is not { Count: > 0 }) throw Bad("'messages' must be a non-empty array of messages", "messages");
        var messages = r.Messages.Select(Message).ToList();
        if (r.N is { } n && n != 1) throw Bad($"n={n} is not supported: this server returns exactly one choice (n=1)", "n");
        if (r.Temperature is { } t && (t < 0 || t > 2 || double.IsNaN(t))) throw Bad($"{t} is not a valid temperature: it must be between 0 and 2", "temperature");
        if (r.TopP is { } p && (p <= 0 || p > 1 || double.IsNaN(p))) throw Bad($"{p} is not a valid top_p: it must be greater than 0 and at most 1", "top_p");
        if (r.MaxTokens is < 1) throw Bad($"max_tokens must be at least 1 (got {r.MaxTokens})", "max_tokens");
        if (r.MaxCompletionTokens is < 1) throw Bad($"max_completion_tokens must be at least 1 (got {r.MaxCompletionTokens})", "max_completion_tokens");
        var options = new ChatOptions
        {
            Temperature = (float?)r.Temperature, TopP = (float?)r.TopP, Seed = r.Seed,
            MaxOutputTokens = r.MaxCompletionTokens ?? r.MaxTokens, StopSequences = Stops(r.Stop),
        };
        if (r.IgnoreEos == true) options.AdditionalProperties = new() { [Core.Serving.EngineChatClient.IgnoreEosKey] = true };
        return new ParsedChatRequest(r.Model.Trim(), messages, options, r.Stream == true, r.StreamOptions?.IncludeUsage == true);
    }

    static ChatMessage Message(ChatMessageInput m, int i)
    {
        var role = m.Role?.ToLowerInvariant() switch
        {
            "system" or "developer" => ChatRole.System,
            "user" => ChatRole.User,
            "assistant" => ChatRole.Assistant,
            _ => throw Bad($"messages[{i}].role '{m.Role}' is not supported: use system, user or assistant", $"messages[{i}].role"),
        };
        return new ChatMessage(role, Content(m.Content, i));
    }

    static string Content(JsonElement? content, int i)
    {
        string param = $"messages[{i}].content";
        switch (content?.ValueKind)
        {
            case JsonValueKind.String: return content.Value.GetString()!;
            case JsonValueKind.Array:
                var text = new System.Text.StringBuilder();
                int k = 0;
                foreach (var part in content.Value.EnumerateArray())
                {
                    if (part.ValueKind != JsonValueKind.Object || !part.TryGetProperty("type", out var type) || type.GetString() != "text"
                        || !part.TryGetProperty("text", out var t) || t.ValueKind != JsonValueKind.String)
                        throw Bad($"{param}[{k}] is not a text part ({{\"type\":\"text\",\"text\":\"...\"}}); only text content is supported", $"{param}[{k}]");
                    text.Append(t.GetString());
                    k++;
                }
                return text.ToString();
            default: throw Bad($"{param} must be a string or an array of text parts", param);
        }
    }

    static List<string>? Stops(JsonElement? stop)
    {
        switch (stop?.ValueKind)
        {
            case null or JsonValueKind.Null: return null;
            case JsonValueKind.String: return string.IsNullOrEmpty(stop.Value.GetString()) ? throw Bad("stop strings must not be empty", "stop") : [stop.Value.GetString()!];
            case JsonValueKind.Array:
                var list = new List<string>();
                foreach (var s in stop.Value.EnumerateArray())
                {
                    if (s.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(s.GetString())) throw Bad("stop must be a string or an array of non-empty strings", "stop");
                    list.Add(s.GetString()!);
                }
                if (list.Count > MaxStops) throw Bad($"stop takes at most {MaxStops} strings (got {list.Count})", "stop");
                return list.Count == 0 ? null : list;
            default: throw Bad("stop must be a string or an array of strings", "stop");
        }
    }

    static OpenAiRequestException Bad(string message, string param) => new(message, param);
}
