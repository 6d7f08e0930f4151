using System.Text.Json;

namespace AssistantBuilder.Core.Datasets;

/// <summary>Reads an OpenAI chat fine-tuning record: <c>{"messages":[{"role","content","weight"?}]}</c>.</summary>
internal static class OpenAiRecord
{
    public static IReadOnlyList<ConversationTurn> Parse(JsonElement record)
    {
        JsonFields.RequireObject(record, "record");
        JsonElement messages = JsonFields.RequiredArray(record, "messages", "");
        return messages.EnumerateArray().Select((m, i) => ParseMessage(m, $"messages[{i}]")).ToList();
    }

    /// <summary>Reads one <c>{"role","content","weight"?}</c> message (also used for ShareGPT exports that use that shape).</summary>
    public static ConversationTurn ParseMessage(JsonElement message, string path)
    {
        JsonFields.RequireObject(message, path);
        string name = JsonFields.RequiredString(message, "role", path);
        string role = Roles.Normalize(name) ?? throw UnknownRole(name, path);
        string content = MessageContent.Read(message, "content", path);
        return new ConversationTurn(role, content, TurnWeight.ReadTrain(message, role, path));
    }

    public static RecordRejectedException UnknownRole(string name, string path) =>
        new($"unknown role '{name}' in {path} (expected system, user or assistant)");
}
