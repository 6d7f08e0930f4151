namespace AssistantBuilder.Core.Datasets;

/// <summary>The whole file is unusable (empty, binary, too large, undetectable, or with no good record); the message says what and where.</summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception for a file whose every record was rejected; <paramref name="rejected"/> lists them.</summary>
    public DatasetException(string message, IReadOnlyList<RejectedRecord> rejected)
        : base(message)
    {
        Rejected = rejected;
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public DatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The records rejected, in line order, when no record was usable; empty for other whole-file errors.</summary>
    public IReadOnlyList<RejectedRecord> Rejected { get; } = [];
}
