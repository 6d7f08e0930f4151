namespace AssistantBuilder.Engine.Tokenization;

/// <summary>HF's <c>SplitDelimiterBehavior</c>: what becomes of the matched delimiters when splitting.</summary>
internal enum SplitBehavior
{
    Removed,
    Isolated,
    MergedWithPrevious,
    MergedWithNext,
    Contiguous,
}
