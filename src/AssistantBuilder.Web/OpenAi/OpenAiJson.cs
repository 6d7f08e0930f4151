using System.Text.Json;
using System.Text.Json.Serialization;

namespace AssistantBuilder.Web.OpenAi;

/// <summary>OpenAI's wire format: snake_case names, nulls left out unless a type says otherwise.</summary>
public static class OpenAiJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.Strict,
    };
}
