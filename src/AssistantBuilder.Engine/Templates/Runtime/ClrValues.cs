using System.Collections;
using System.Globalization;
using System.Text.Json;

namespace AssistantBuilder.Engine.Templates;

/// <summary>Turns the .NET values a caller passes in into the engine's Python-like values.</summary>
internal static class ClrValues
{
    public static object? ToTemplateValue(object? value) => value switch
    {
        null or string or bool or long or double => value,
        int or short or byte or sbyte or ushort or uint => Convert.ToInt64(value, CultureInfo.InvariantCulture),
        float or decimal => Convert.ToDouble(value, CultureInfo.InvariantCulture),
        JsonElement json => FromJson(json),
        PyDict or PyTuple or TemplateNamespace or ITemplateCallable => value,
        IEnumerable<KeyValuePair<string, object?>> pairs => FromPairs(pairs.Select(pair => ((object)pair.Key, pair.Value))),
        IDictionary dictionary => FromPairs(Entries(dictionary)),
        IEnumerable sequence => sequence.Cast<object?>().Select(ToTemplateValue).ToList(),
        _ => throw new ArgumentException($"Values of type {value.GetType().Name} cannot be passed to a template.", nameof(value)),
    };

    private static PyDict FromPairs(IEnumerable<(object Key, object? Value)> pairs)
    {
        var dict = new PyDict();
        foreach (var (key, value) in pairs)
        {
            dict[ToTemplateValue(key)] = ToTemplateValue(value);
        }

        return dict;
    }

    private static IEnumerable<(object Key, object? Value)> Entries(IDictionary dictionary)
    {
        foreach (DictionaryEntry entry in dictionary)
        {
            yield return (entry.Key, entry.Value);
        }
    }

    private static object? FromJson(JsonElement json) => json.ValueKind switch
    {
        JsonValueKind.String => json.GetString(),
        JsonValueKind.Number => IsInteger(json, out var integer) ? (object)integer : json.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Array => json.EnumerateArray().Select(FromJson).ToList(),
        JsonValueKind.Object => FromJsonObject(json),
        _ => null,
    };

    /// <summary>JSON <c>1</c> is a Python int, <c>1.0</c> and <c>1e3</c> are floats (as <c>json.loads</c> reads them).</summary>
    private static bool IsInteger(JsonElement json, out long integer) =>
        json.TryGetInt64(out integer) && json.GetRawText().AsSpan().IndexOfAny(".eE") < 0;

    private static PyDict FromJsonObject(JsonElement json)
    {
        var dict = new PyDict();
        foreach (var property in json.EnumerateObject())
        {
            dict[property.Name] = FromJson(property.Value);
        }

        return dict;
    }
}
