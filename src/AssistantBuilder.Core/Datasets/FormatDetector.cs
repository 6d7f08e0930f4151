using System.Text.Json;

namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// Detects the format of a file: JSON (by the fields of its first records), then CSV by extension, then a
/// transcript (first line starts with a known speaker label), then CSV by a header with prompt/response columns.
/// </summary>
internal static class FormatDetector
{
    private const int RecordsLookedAt = 20;

    public static DatasetFormat Detect(SourceText source, ImportOptions options)
    {
        if (JsonRecordReader.StartsLikeJson(source))
        {
            return DetectJson(source);
        }

        if (Path.GetExtension(source.FileName).ToLowerInvariant() is ".csv" or ".tsv")
        {
            return DatasetFormat.Csv;
        }

        if (TranscriptReader.LooksLikeTranscript(source, SpeakerRoleMap.From(options.SpeakerRoles)))
        {
            return DatasetFormat.Transcript;
        }

        return LooksLikeCsv(source, options) ? DatasetFormat.Csv : throw new DatasetException(
            $"could not detect the format of {source.FileName}; tried openai, sharegpt and alpaca (the file does not start with '{{' or '['), " +
            "csv (no header with a prompt and a response column) and transcript (the first line does not start with a known speaker label such as 'User:'); " +
            "choose the format explicitly (the upload form's format, the API's format field, or ab train --format)");
    }

    private static DatasetFormat DetectJson(SourceText source)
    {
        var items = JsonRecordReader.Read(source, e => (Format: JsonFormatSignature.Of(e), Fields: FieldNames(e)), RecordsLookedAt);
        foreach (var item in items)
        {
            if (item.Value.Format is DatasetFormat format)
            {
                return format;
            }
        }

        throw new DatasetException(
            $"could not detect the format of {source.FileName}: it looks like JSON, but none of its first {items.Count} records has the fields of " +
            "openai (\"messages\" with role/content), sharegpt (\"conversations\" with from/value) or alpaca (\"instruction\" and \"output\")" +
            FirstRecord(items) + "; choose the format explicitly (the upload form's format, the API's format field, or ab train --format)");
    }

    private static string FirstRecord(List<JsonItem<(DatasetFormat? Format, string Fields)>> items) =>
        items.Count == 0 ? ""
        : items[0].Error is string error ? $"; first: line {items[0].Line}: {error}"
        : $"; first: line {items[0].Line}: fields {items[0].Value.Fields}";

    private static string FieldNames(JsonElement element) =>
        element.ValueKind == JsonValueKind.Object
            ? string.Join(", ", element.EnumerateObject().Select(p => p.Name))
            : JsonFields.KindName(element);

    private static bool LooksLikeCsv(SourceText source, ImportOptions options)
    {
        string header = source.Lines.FirstOrDefault(l => !string.IsNullOrWhiteSpace(l)) ?? "";
        return header.IndexOfAny([',', ';', '\t']) >= 0
            && CsvColumns.TryResolve(CsvRecordReader.ReadHeader(source), options, out _) is not null;
    }
}
