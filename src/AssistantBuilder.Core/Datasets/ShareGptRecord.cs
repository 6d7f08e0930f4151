using System.Text.Json;

namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// Reads a ShareGPT record: <c>{"conversations":[{"from":"system|human|gpt","value"}]}</c>, also with
/// <c>user</c>/<c>assistant</c> as <c>from</c>, with <c>"messages"</c> of role/content, and with an optional
/// top-level <c>"system"</c> prompt.
/// </summary>
internal static class ShareGptRecord
{
    public static IReadOnlyList<ConversationTurn> Parse(JsonElement record)
    {
        JsonFields.RequireObject(record, "record");
        string listName = JsonFields.Get(record, "conversations") is null && JsonFields.Get(record, "messages") is not null
            ? "messages"
            : "conversations";
        JsonElement list = JsonFields.RequiredArray(record, listName, "");
        var turns = list.EnumerateArray().Select((m, i) => ParseTurn(m, $"{listName}[{i}]")).ToList();
        return WithSystemPrompt(record, turns);
    }

    private static ConversationTurn ParseTurn(JsonElement turn, string path)
    {
        JsonFields.RequireObject(turn, path);
        if (JsonFields.Get(turn, "from") is null && JsonFields.Get(turn, "role") is not null)
        {
            return OpenAiRecord.ParseMessage(turn, path);
        }

        string from = JsonFields.RequiredString(turn, "from", path);
        string role = RoleOf(from) ?? throw OpenAiRecord.UnknownRole(from, path);
        string value = MessageContent.Read(turn, "value", path);
        return new ConversationTurn(role, value, TurnWeight.ReadTrain(turn, role, path));
    }

    private static string? RoleOf(string from) => from.Trim().ToLowerInvariant() switch
    {
        "system" => Roles.System,
        "human" or "user" => Roles.User,
        "gpt" or "assistant" or "chatgpt" or "bing" or "bard" or "model" => Roles.Assistant,
        _ => null,
    };

    private static List<ConversationTurn> WithSystemPrompt(JsonElement record, List<ConversationTurn> turns)
    {
        string? system = JsonFields.OptionalString(record, "system", "");
        if (!string.IsNullOrWhiteSpace(system) && (turns.Count == 0 || turns[0].Role != Roles.System))
        {
            turns.Insert(0, new ConversationTurn(Roles.System, system));
        }

        return turns;
    }
}
