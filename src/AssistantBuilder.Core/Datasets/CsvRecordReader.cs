using CsvHelper;

namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// Reads a CSV dataset with CsvHelper: a header, then one prompt/response pair (and optional system prompt) per
/// record. Records with broken quoting or the wrong number of fields are rejected at the line where they start.
/// </summary>
internal static class CsvRecordReader
{
    public static IEnumerable<SourceRecord> Read(SourceText source, ImportOptions options)
    {
        var malformed = new Queue<CsvMalformedRecord>();
        using CsvReader reader = Open(source, malformed.Enqueue);
        CsvColumns columns = CsvColumns.Resolve(reader.Headers, options, source.FileName);
        while (reader.Read())
        {
            while (malformed.Count > 0)
            {
                yield return Malformed(malformed.Dequeue(), columns);
            }

            yield return ReadRecord(reader, columns);
        }

        while (malformed.Count > 0)
        {
            yield return Malformed(malformed.Dequeue(), columns);
        }
    }

    /// <summary>The header of the file, for auto-detection.</summary>
    public static IReadOnlyList<string> ReadHeader(SourceText source)
    {
        using CsvReader reader = Open(source, _ => { });
        return reader.Headers;
    }

    private static CsvReader Open(SourceText source, Action<CsvMalformedRecord> onMalformed)
    {
        var csvOptions = CsvReaderOptions.Default with
        {
            Separator = CsvSeparator.Guess(source),
            HasHeader = true,
            TrackLineNumbers = true,
            SkipEmptyLines = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = onMalformed,
        };
        return CsvReader.FromText(source.Text, csvOptions);
    }

    private static SourceRecord ReadRecord(CsvReader reader, CsvColumns columns)
    {
        int line = (int)reader.LineNumber;
        int endLine = line + reader.RawRecord.Count((byte)'\n');
        var turns = new List<ConversationTurn>();
        string? system = columns.System is int s ? reader.GetString(s) : null;
        if (!string.IsNullOrWhiteSpace(system))
        {
            turns.Add(new ConversationTurn(Roles.System, system));
        }

        string prompt = reader.GetString(columns.Prompt) ?? "";
        string response = reader.GetString(columns.Response) ?? "";
        string? empty = string.IsNullOrWhiteSpace(prompt) ? columns.NameOf(columns.Prompt)
            : string.IsNullOrWhiteSpace(response) ? columns.NameOf(columns.Response) : null;
        if (empty is not null)
        {
            return SourceRecord.Fail(line, endLine, $"empty content in column '{empty}'");
        }

        turns.Add(new ConversationTurn(Roles.User, prompt));
        turns.Add(new ConversationTurn(Roles.Assistant, response));
        return SourceRecord.Ok(line, endLine, turns);
    }

    private static SourceRecord Malformed(CsvMalformedRecord record, CsvColumns columns)
    {
        int line = (int)record.LineNumber;
        int endLine = line + record.RawRecord.Count(c => c == '\n');
        string reason = record.Reason switch
        {
            CsvMalformedReason.StrayQuote => "malformed CSV: a quote inside an unquoted field",
            CsvMalformedReason.TextAfterClosingQuote => "malformed CSV: text after the closing quote of a field",
            CsvMalformedReason.UnterminatedQuote => "malformed CSV: a quoted field is never closed (the rest of the file was not read)",
            CsvMalformedReason.FieldCountMismatch => $"wrong number of fields: the header has {columns.Headers.Count}",
            _ => $"malformed CSV: {record.Reason}",
        };
        return SourceRecord.Fail(line, endLine, reason);
    }
}
