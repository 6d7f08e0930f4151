using System.Text.Json;

namespace AssistantBuilder.Core.Datasets;

/// <summary>Tells the JSON dataset format of a record from its fields, for auto-detection.</summary>
internal static class JsonFormatSignature
{
    public static DatasetFormat? Of(JsonElement record)
    {
        if (record.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        if (JsonFields.Get(record, "conversations") is not null)
        {
            return DatasetFormat.ShareGpt;
        }

        if (JsonFields.Get(record, "messages") is JsonElement messages)
        {
            return UsesFromValue(messages) ? DatasetFormat.ShareGpt : DatasetFormat.OpenAi;
        }

        return JsonFields.Get(record, "instruction") is not null && JsonFields.Get(record, "output") is not null
            ? DatasetFormat.Alpaca
            : null;
    }

    private static bool UsesFromValue(JsonElement messages) =>
        messages.ValueKind == JsonValueKind.Array
        && messages.EnumerateArray().Any(m => m.ValueKind == JsonValueKind.Object && m.TryGetProperty("from", out _));
}
