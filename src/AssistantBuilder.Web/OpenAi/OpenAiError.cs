using System.Text.Json.Serialization;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>OpenAI's error body: <c>{"error":{"message","type","param","code"}}</c>.</summary>
public sealed record OpenAiError(OpenAiErrorDetail Error)
{
    public static OpenAiError Of(string message, string? param = null, string? code = null, string type = "invalid_request_error") =>
        new(new OpenAiErrorDetail(message, type, param, code));
}

public sealed record OpenAiErrorDetail(
    string Message,
    string Type,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Param,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Code);
