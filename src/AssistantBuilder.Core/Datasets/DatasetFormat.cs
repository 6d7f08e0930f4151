namespace AssistantBuilder.Core.Datasets;

/// <summary>The file formats that <see cref="DatasetImporter"/> reads.</summary>
public enum DatasetFormat
{
    /// <summary>Detect the format from the file's extension and first records.</summary>
    Auto,

    /// <summary>OpenAI chat JSONL: <c>{"messages":[{"role":...,"content":...,"weight":0|1}]}</c> per line.</summary>
    OpenAi,

    /// <summary>ShareGPT JSON array or JSONL: <c>{"conversations":[{"from":"human|gpt|system","value":...}]}</c>.</summary>
    ShareGpt,

    /// <summary>Alpaca JSON array or JSONL: <c>{"instruction","input","output","system"?}</c>.</summary>
    Alpaca,

    /// <summary>CSV (or TSV) with a header row and prompt/response columns.</summary>
    Csv,

    /// <summary>Plain text with speaker-labelled lines (<c>User:</c>/<c>Agent:</c>), conversations separated by blank lines.</summary>
    Transcript,
}
