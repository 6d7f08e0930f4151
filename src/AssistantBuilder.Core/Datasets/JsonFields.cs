using System.Text.Json;

namespace AssistantBuilder.Core.Datasets;

/// <summary>Reads the fields of a JSON record, throwing <see cref="RecordRejectedException"/> with the field's path when one is missing or of the wrong type.</summary>
internal static class JsonFields
{
    public static void RequireObject(JsonElement element, string path)
    {
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw new RecordRejectedException($"{path} must be a JSON object, not {KindName(element)}");
        }
    }

    /// <summary>The field, or null when it is missing or JSON null.</summary>
    public static JsonElement? Get(JsonElement obj, string name) =>
        obj.TryGetProperty(name, out JsonElement value) && value.ValueKind != JsonValueKind.Null ? value : null;

    public static string RequiredString(JsonElement obj, string name, string path) =>
        OptionalString(obj, name, path) ?? throw new RecordRejectedException($"missing field '{Join(path, name)}'");

    public static string? OptionalString(JsonElement obj, string name, string path)
    {
        JsonElement? value = Get(obj, name);
        if (value is null)
        {
            return null;
        }

        return value.Value.ValueKind == JsonValueKind.String
            ? value.Value.GetString()!
            : throw WrongType(Join(path, name), "a string", value.Value);
    }

    public static JsonElement RequiredArray(JsonElement obj, string name, string path)
    {
        JsonElement value = Get(obj, name) ?? throw new RecordRejectedException($"missing field '{Join(path, name)}'");
        return value.ValueKind == JsonValueKind.Array ? value : throw WrongType(Join(path, name), "an array", value);
    }

    public static RecordRejectedException WrongType(string path, string expected, JsonElement actual) =>
        new($"field '{path}' must be {expected}, not {KindName(actual)}");

    public static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";

    public static string KindName(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
