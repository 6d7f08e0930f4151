namespace AssistantBuilder.Core.Datasets;

/// <summary>A record that was not imported.</summary>
/// <param name="Line">
/// The 1-based line where the record starts (for CSV the record's first line; for JSON arrays the line where the
/// element starts; for transcripts the conversation's first line).
/// </param>
/// <param name="Reason">What is wrong with it.</param>
public sealed record RejectedRecord(int Line, string Reason);
