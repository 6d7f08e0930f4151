using System.Text.Json;

namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// Reads the elements of a top-level JSON array one by one, noting the line where each starts. A syntax error
/// ends the reading: the elements before it are kept and the error is reported at its line.
/// </summary>
internal static class JsonArrayReader
{
    private static readonly JsonReaderOptions ReaderOptions = new() { AllowTrailingCommas = true };

    public static List<JsonItem<T>> Read<T>(SourceText source, Func<JsonElement, T> map, int limit)
    {
        var items = new List<JsonItem<T>>();
        var reader = new Utf8JsonReader(source.Utf8, ReaderOptions);
        try
        {
            reader.Read();
            while (items.Count < limit && reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                items.Add(ReadElement(source, ref reader, map));
            }

            if (items.Count < limit)
            {
                CheckEnd(ref reader);
            }
        }
        catch (JsonException e)
        {
            int line = (int)(e.LineNumber ?? 0) + 1;
            items.Add(new JsonItem<T>(line, source.Lines.Count, default, InvalidJson(e)));
        }

        return items;
    }

    private static JsonItem<T> ReadElement<T>(SourceText source, ref Utf8JsonReader reader, Func<JsonElement, T> map)
    {
        int line = source.LineAt(reader.TokenStartIndex);
        using JsonDocument element = JsonDocument.ParseValue(ref reader);
        int endLine = source.LineAt(reader.BytesConsumed - 1);
        return JsonRecordReader.Map(line, endLine, element.RootElement, map);
    }

    private static void CheckEnd(ref Utf8JsonReader reader)
    {
        // Reading past the closing bracket makes the reader throw on trailing content other than whitespace.
        while (reader.Read())
        {
        }
    }

    private static string InvalidJson(JsonException e) =>
        JsonRecordReader.InvalidJson(e) + " (the rest of the array was not read)";
}
