namespace AssistantBuilder.Core.Datasets;

/// <summary>Statistics over the imported (kept) conversations.</summary>
/// <param name="Conversations">Conversations kept.</param>
/// <param name="Turns">Turns in the kept conversations, system turns included.</param>
/// <param name="MinTokens">Smallest token count of a conversation.</param>
/// <param name="MedianTokens">Median token count (the mean of the two middle values, rounded down, for an even count).</param>
/// <param name="MaxTokens">Largest token count of a conversation.</param>
/// <param name="Histogram">About 10 bins of equal width covering <paramref name="MinTokens"/>..<paramref name="MaxTokens"/>.</param>
/// <param name="TooLong">
/// Conversations over <see cref="ImportOptions.MaxSeqLen"/>. With <see cref="ImportOptions.CountTokens"/> these were
/// rejected; without it they are kept and counted by the estimate only, as a warning.
/// </param>
/// <param name="Duplicates">Exact duplicates of an earlier conversation, dropped.</param>
/// <param name="TokenCountIsEstimate">
/// True when no <see cref="ImportOptions.CountTokens"/> was given and the counts are whitespace-separated words.
/// </param>
public sealed record DatasetStatistics(
    int Conversations,
    int Turns,
    int MinTokens,
    int MedianTokens,
    int MaxTokens,
    IReadOnlyList<HistogramBin> Histogram,
    int TooLong,
    int Duplicates,
    bool TokenCountIsEstimate);
