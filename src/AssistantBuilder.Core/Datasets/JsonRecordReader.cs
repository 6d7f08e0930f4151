using System.Text.Json;

namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// Reads the records of a JSON dataset: a top-level array (when the file starts with <c>[</c>) or JSON Lines,
/// mapping each record with a function that may throw <see cref="RecordRejectedException"/>.
/// </summary>
internal static class JsonRecordReader
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { AllowTrailingCommas = true };

    public static bool StartsLikeJson(SourceText source)
    {
        char first = FirstNonWhitespace(source.Text);
        return first is '{' or '[';
    }

    public static List<JsonItem<T>> Read<T>(SourceText source, Func<JsonElement, T> map, int limit = int.MaxValue) =>
        FirstNonWhitespace(source.Text) == '['
            ? JsonArrayReader.Read(source, map, limit)
            : ReadLines(source, map, limit);

    public static JsonItem<T> Map<T>(int line, int endLine, JsonElement element, Func<JsonElement, T> map)
    {
        try
        {
            return new JsonItem<T>(line, endLine, map(element), null);
        }
        catch (RecordRejectedException e)
        {
            return new JsonItem<T>(line, endLine, default, e.Message);
        }
    }

    /// <summary>The parser's message and position in the line, as in "invalid JSON at column 7: ...".</summary>
    public static string InvalidJson(JsonException e)
    {
        string message = e.Message;
        int position = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        string text = position >= 0 ? message[..position] : message;
        return $"invalid JSON at column {e.BytePositionInLine + 1}: {text}";
    }

    private static List<JsonItem<T>> ReadLines<T>(SourceText source, Func<JsonElement, T> map, int limit)
    {
        var items = new List<JsonItem<T>>();
        for (int i = 0; i < source.Lines.Count && items.Count < limit; i++)
        {
            if (!string.IsNullOrWhiteSpace(source.Lines[i]))
            {
                items.Add(ReadLine(source.Lines[i], i + 1, map));
            }
        }

        return items;
    }

    private static JsonItem<T> ReadLine<T>(string text, int line, Func<JsonElement, T> map)
    {
        try
        {
            using JsonDocument document = JsonDocument.Parse(text, DocumentOptions);
            return Map(line, line, document.RootElement, map);
        }
        catch (JsonException e)
        {
            return new JsonItem<T>(line, line, default, InvalidJson(e));
        }
    }

    private static char FirstNonWhitespace(string text)
    {
        foreach (char c in text)
        {
            if (!char.IsWhiteSpace(c))
            {
                return c;
            }
        }

        return '\0';
    }
}
