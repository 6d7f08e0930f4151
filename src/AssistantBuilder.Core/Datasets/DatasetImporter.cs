namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// Imports a conversation dataset (OpenAI JSONL, ShareGPT, Alpaca, CSV or plain-text transcripts): detects the
/// format, keeps the good conversations, reports every bad record with its line and reason, drops exact
/// duplicates, and computes statistics.
/// </summary>
public static class DatasetImporter
{
    /// <summary>Imports the file at <paramref name="path"/>.</summary>
    /// <exception cref="DatasetException">The whole file is unusable.</exception>
    public static ImportResult Import(string path, ImportOptions options)
    {
        using FileStream stream = File.OpenRead(path);
        return Import(stream, Path.GetFileName(path), options);
    }

    /// <summary>Imports a dataset from <paramref name="stream"/>; <paramref name="fileName"/> gives the extension and names the file in messages.</summary>
    /// <exception cref="DatasetException">The whole file is unusable.</exception>
    public static ImportResult Import(Stream stream, string fileName, ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(fileName);
        CheckOptions(options);
        SourceText source = SourceDecoder.Decode(SourceLoader.Load(stream, fileName, options.MaxBytes), fileName);
        DatasetFormat format = options.Format == DatasetFormat.Auto ? FormatDetector.Detect(source, options) : options.Format;
        var collector = new ImportCollector(source, options);
        foreach (SourceRecord record in RecordsOf(format, source, options))
        {
            collector.Add(record);
        }

        return collector.Finish(format);
    }

    private static IEnumerable<SourceRecord> RecordsOf(DatasetFormat format, SourceText source, ImportOptions options) => format switch
    {
        DatasetFormat.OpenAi => JsonRecords(source, OpenAiRecord.Parse),
        DatasetFormat.ShareGpt => JsonRecords(source, ShareGptRecord.Parse),
        DatasetFormat.Alpaca => JsonRecords(source, AlpacaRecord.Parse),
        DatasetFormat.Csv => CsvRecordReader.Read(source, options),
        DatasetFormat.Transcript => TranscriptReader.Read(source, SpeakerRoleMap.From(options.SpeakerRoles)),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "unknown dataset format"),
    };

    private static IEnumerable<SourceRecord> JsonRecords(SourceText source, Func<System.Text.Json.JsonElement, IReadOnlyList<ConversationTurn>> parse) =>
        JsonRecordReader.Read(source, parse).Select(i => i.Error is null
            ? SourceRecord.Ok(i.Line, i.EndLine, i.Value!)
            : SourceRecord.Fail(i.Line, i.EndLine, i.Error));

    private static void CheckOptions(ImportOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!Enum.IsDefined(options.Format))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Format, "unknown dataset format");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(options.MaxBytes, "options.MaxBytes");
        if (options.MaxSeqLen is int max)
        {
            ArgumentOutOfRangeException.ThrowIfNegativeOrZero(max, "options.MaxSeqLen");
        }

        SpeakerRoleMap.From(options.SpeakerRoles);
    }
}
