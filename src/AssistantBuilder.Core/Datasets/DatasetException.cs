namespace AssistantBuilder.Core.Datasets;

/// <summary>The whole file is unusable (empty, binary, too large, undetectable, or with no good record); the message says what and where.</summary>
public sealed class DatasetException : Exception
{
    /// <summary>Creates the exception.</summary>
    public DatasetException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with the error that caused it.</summary>
    public DatasetException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
