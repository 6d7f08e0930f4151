using System.Text.Encodings.Web;
using System.Text.Json;

namespace AssistantBuilder.Cli.Commands;

static class JsonDefaults
{
    public static readonly JsonSerializerOptions Snake = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };
}
