namespace AssistantBuilder.Core.Datasets;

/// <summary>How <see cref="DatasetImporter"/> reads a file.</summary>
public sealed record ImportOptions
{
    /// <summary>The default of <see cref="MaxBytes"/>: 200 MB.</summary>
    public const long DefaultMaxBytes = 200L * 1024 * 1024;

    /// <summary>The format of the file; <see cref="DatasetFormat.Auto"/> detects it.</summary>
    public DatasetFormat Format { get; init; } = DatasetFormat.Auto;

    /// <summary>
    /// The longest conversation, in tokens, that training takes. With <see cref="CountTokens"/> longer conversations are
    /// rejected; without it they are only counted in <see cref="DatasetStatistics.TooLong"/> by the word estimate.
    /// </summary>
    public int? MaxSeqLen { get; init; }

    /// <summary>Counts the tokens of a conversation (usually by rendering its chat template and tokenizing).</summary>
    public Func<Conversation, int>? CountTokens { get; init; }

    /// <summary>CSV: the prompt column; default: the first of prompt, question, input, instruction, user.</summary>
    public string? PromptColumn { get; init; }

    /// <summary>CSV: the response column; default: the first of response, answer, output, completion, assistant.</summary>
    public string? ResponseColumn { get; init; }

    /// <summary>CSV: the system-prompt column; default: a column named system, if any.</summary>
    public string? SystemColumn { get; init; }

    /// <summary>
    /// Transcripts: speaker label to role (<c>system</c>, <c>user</c> or <c>assistant</c>), matched ignoring case.
    /// When given it replaces the default labels (User/Human/Customer/Q..., Assistant/Agent/Support/A...).
    /// </summary>
    public IReadOnlyDictionary<string, string>? SpeakerRoles { get; init; }

    /// <summary>Files larger than this are refused with a <see cref="DatasetException"/>.</summary>
    public long MaxBytes { get; init; } = DefaultMaxBytes;
}
