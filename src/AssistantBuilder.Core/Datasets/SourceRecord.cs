namespace AssistantBuilder.Core.Datasets;

/// <summary>A record as a format reader produced it: its turns, or why it could not be read.</summary>
/// <param name="Line">The 1-based line where the record starts.</param>
/// <param name="EndLine">The 1-based line where it ends (for the non-UTF-8 check).</param>
/// <param name="Turns">The turns, not yet validated; null when <paramref name="Error"/> is set.</param>
/// <param name="Error">Why the record could not be read.</param>
internal sealed record SourceRecord(int Line, int EndLine, IReadOnlyList<ConversationTurn>? Turns, string? Error)
{
    public static SourceRecord Ok(int line, int endLine, IReadOnlyList<ConversationTurn> turns) => new(line, endLine, turns, null);

    public static SourceRecord Fail(int line, int endLine, string error) => new(line, endLine, null, error);
}
