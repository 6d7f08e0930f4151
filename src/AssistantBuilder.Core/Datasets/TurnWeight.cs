using System.Text.Json;

namespace AssistantBuilder.Core.Datasets;

/// <summary>Reads the optional <c>"weight": 0|1</c> of a message: whether the model trains on that assistant turn.</summary>
internal static class TurnWeight
{
    public static bool ReadTrain(JsonElement message, string role, string path)
    {
        JsonElement? weight = JsonFields.Get(message, "weight");
        if (weight is null)
        {
            return true;
        }

        string field = JsonFields.Join(path, "weight");
        if (role != Roles.Assistant)
        {
            throw new RecordRejectedException($"field '{field}' is only allowed on assistant messages, not on {role}");
        }

        return weight.Value.ValueKind == JsonValueKind.Number && weight.Value.TryGetDouble(out double value) && value is 0 or 1
            ? value == 1
            : throw new RecordRejectedException($"field '{field}' must be 0 or 1, not {weight.Value.GetRawText()}");
    }
}
