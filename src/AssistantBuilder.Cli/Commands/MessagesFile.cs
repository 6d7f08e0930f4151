using System.Text.Json;
using AssistantBuilder.Engine.Chat;

namespace AssistantBuilder.Cli.Commands;

/// <summary>Reads <c>--messages FILE</c>: a JSON array of {"role", "content"} objects.</summary>
static class MessagesFile
{
    public static List<ChatMessage> Read(string path)
    {
        if (!File.Exists(path)) throw new UserError($"{path}: file not found");
        JsonDocument doc;
        try { doc = JsonDocument.Parse(File.ReadAllText(path)); }
        catch (JsonException ex) { throw new UserError($"{path}: not valid JSON ({ex.Message})"); }
        using (doc)
        {
            if (doc.RootElement.ValueKind != JsonValueKind.Array || doc.RootElement.GetArrayLength() == 0)
                throw new UserError($"{path}: expected a non-empty JSON array of {{\"role\", \"content\"}} messages");
            return doc.RootElement.EnumerateArray().Select((m, i) => Message(path, m, i)).ToList();
        }
    }

    static ChatMessage Message(string path, JsonElement m, int index)
    {
        string? Field(string name) =>
            m.ValueKind == JsonValueKind.Object && m.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
        string role = Field("role") ?? throw new UserError($"{path}: message {index} has no string \"role\"");
        string content = Field("content") ?? throw new UserError($"{path}: message {index} has no string \"content\"");
        return new ChatMessage(role, content);
    }
}
