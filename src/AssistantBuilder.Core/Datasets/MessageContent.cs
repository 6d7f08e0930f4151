using System.Text;
using System.Text.Json;

namespace AssistantBuilder.Core.Datasets;

/// <summary>Reads a message's content: a string, or an array of <c>{"type":"text","text":...}</c> parts (joined).</summary>
internal static class MessageContent
{
    public static string Read(JsonElement message, string name, string path)
    {
        string field = JsonFields.Join(path, name);
        JsonElement value = JsonFields.Get(message, name) ?? throw new RecordRejectedException($"missing field '{field}'");
        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Array => ReadParts(value, field),
            _ => throw JsonFields.WrongType(field, "a string", value),
        };
    }

    private static string ReadParts(JsonElement parts, string field)
    {
        var text = new StringBuilder();
        int index = 0;
        foreach (JsonElement part in parts.EnumerateArray())
        {
            text.Append(ReadTextPart(part, $"{field}[{index++}]"));
        }

        return text.ToString();
    }

    private static string ReadTextPart(JsonElement part, string path)
    {
        JsonFields.RequireObject(part, path);
        string type = JsonFields.RequiredString(part, "type", path);
        return type == "text"
            ? JsonFields.RequiredString(part, "text", path)
            : throw new RecordRejectedException($"{path} is a '{type}' part: only text parts are supported");
    }
}
