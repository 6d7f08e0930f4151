using System.Text.Json;

namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// Reads an Alpaca record <c>{"instruction","input","output","system"?}</c>: the user turn is the instruction,
/// followed by a blank line and the input when the input is not empty.
/// </summary>
internal static class AlpacaRecord
{
    public static IReadOnlyList<ConversationTurn> Parse(JsonElement record)
    {
        JsonFields.RequireObject(record, "record");
        string instruction = JsonFields.RequiredString(record, "instruction", "");
        string input = JsonFields.OptionalString(record, "input", "") ?? "";
        string output = JsonFields.RequiredString(record, "output", "");
        string? system = JsonFields.OptionalString(record, "system", "");

        var turns = new List<ConversationTurn>();
        if (!string.IsNullOrWhiteSpace(system))
        {
            turns.Add(new ConversationTurn(Roles.System, system));
        }

        string user = string.IsNullOrWhiteSpace(input) ? instruction : $"{instruction}\n\n{input}";
        turns.Add(new ConversationTurn(Roles.User, user));
        turns.Add(new ConversationTurn(Roles.Assistant, output));
        return turns;
    }
}
