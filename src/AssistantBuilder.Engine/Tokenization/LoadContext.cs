using System.Text.Json;

namespace AssistantBuilder.Engine.Tokenization;

/// <summary>
/// The tokenizer.json being read: every error raised while loading it names the file and says what is wrong.
/// Also holds the small JSON accessors the component factories share.
/// </summary>
internal sealed class LoadContext(string sourceName)
{
    public string SourceName { get; } = sourceName;

    public InvalidDataException Invalid(string problem) => new($"{SourceName}: {problem}");

    public NotSupportedException Unsupported(string component, string type) =>
        new($"{SourceName}: {component} type '{type}' is not supported by AssistantBuilder's tokenizer.json loader.");

    /// <summary>The "type" tag HF serializes on every component.</summary>
    public string TypeOf(JsonElement component, string what)
    {
        if (component.ValueKind != JsonValueKind.Object)
            throw Invalid($"{what} must be a JSON object, found {component.ValueKind}.");
        return RequiredString(component, "type", what);
    }

    public string RequiredString(JsonElement obj, string property, string what)
    {
        if (obj.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String)
            return value.GetString()!;
        throw Invalid($"{what} needs a string '{property}'.");
    }

    public int RequiredInt(JsonElement obj, string property, string what)
    {
        if (obj.TryGetProperty(property, out JsonElement value) && value.TryGetInt32(out int number))
            return number;
        throw Invalid($"{what} needs an integer '{property}'.");
    }

    public JsonElement RequiredArray(JsonElement obj, string property, string what)
    {
        if (obj.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.Array)
            return value;
        throw Invalid($"{what} needs an array '{property}'.");
    }

    public static string? OptionalString(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    public static bool OptionalBool(JsonElement obj, string property, bool fallback) =>
        obj.TryGetProperty(property, out JsonElement value) && value.ValueKind is JsonValueKind.True or JsonValueKind.False
            ? value.GetBoolean()
            : fallback;

    /// <summary>The component at <paramref name="property"/>, or null when absent or JSON null.</summary>
    public static JsonElement? OptionalObject(JsonElement obj, string property) =>
        obj.TryGetProperty(property, out JsonElement value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;
}
