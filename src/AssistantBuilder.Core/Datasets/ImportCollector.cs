namespace AssistantBuilder.Core.Datasets;

/// <summary>
/// Sorts the records of a file into kept conversations and rejected records: checks UTF-8, the reader's error,
/// the conversation's shape and its length, and drops exact duplicates.
/// </summary>
internal sealed class ImportCollector(SourceText source, ImportOptions options)
{
    private readonly List<Conversation> _kept = [];
    private readonly List<int> _tokenCounts = [];
    private readonly List<RejectedRecord> _rejected = [];
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private int _duplicates;
    private int _tooLong;

    private bool Estimate => options.CountTokens is null;

    public void Add(SourceRecord record)
    {
        string? error = source.Utf8ErrorIn(record.Line, record.EndLine) ?? record.Error ?? ConversationValidator.Validate(record.Turns!);
        if (error is not null)
        {
            _rejected.Add(new RejectedRecord(record.Line, error));
            return;
        }

        var conversation = new Conversation(record.Turns!, record.Line);
        string key = ConversationKey.Of(conversation);
        if (_seen.Contains(key))
        {
            _duplicates++;
            return;
        }

        int tokens = Estimate ? TokenEstimator.CountWords(conversation) : options.CountTokens!(conversation);
        if (CheckLength(conversation, tokens))
        {
            _seen.Add(key);
            _kept.Add(conversation);
            _tokenCounts.Add(tokens);
        }
    }

    public ImportResult Finish(DatasetFormat format)
    {
        if (_kept.Count == 0)
        {
            throw new DatasetException(NoUsableConversation(), _rejected.OrderBy(r => r.Line).ToList());
        }

        var rejected = _rejected.OrderBy(r => r.Line).ToList();
        DatasetStatistics statistics = StatisticsCalculator.Compute(_kept, _tokenCounts, _tooLong, _duplicates, Estimate);
        return new ImportResult(format, _kept, rejected, statistics);
    }

    private bool CheckLength(Conversation conversation, int tokens)
    {
        if (options.MaxSeqLen is not int max || tokens <= max)
        {
            return true;
        }

        _tooLong++;
        if (Estimate)
        {
            return true;
        }

        _rejected.Add(new RejectedRecord(conversation.SourceLine, $"{tokens} tokens > max_seq_len {max}"));
        return false;
    }

    private string NoUsableConversation()
    {
        if (_rejected.Count == 0)
        {
            return $"no conversation found in {source.FileName}";
        }

        RejectedRecord first = _rejected.OrderBy(r => r.Line).First();
        return $"no usable conversation in {source.FileName}: {_rejected.Count} records rejected; first: line {first.Line}: {first.Reason}";
    }
}
