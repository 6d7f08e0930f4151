namespace AssistantBuilder.Core.Datasets;

/// <summary>Computes <see cref="DatasetStatistics"/> from the kept conversations and their token counts.</summary>
internal static class StatisticsCalculator
{
    public static DatasetStatistics Compute(
        IReadOnlyList<Conversation> conversations, IReadOnlyList<int> tokenCounts, int tooLong, int duplicates, bool estimate)
    {
        var sorted = tokenCounts.Order().ToList();
        return new DatasetStatistics(
            Conversations: conversations.Count,
            Turns: conversations.Sum(c => c.Turns.Count),
            MinTokens: sorted.Count == 0 ? 0 : sorted[0],
            MedianTokens: Median(sorted),
            MaxTokens: sorted.Count == 0 ? 0 : sorted[^1],
            Histogram: Histogram.Build(sorted),
            TooLong: tooLong,
            Duplicates: duplicates,
            TokenCountIsEstimate: estimate);
    }

    private static int Median(List<int> sorted)
    {
        if (sorted.Count == 0)
        {
            return 0;
        }

        int middle = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[middle] : (int)(((long)sorted[middle - 1] + sorted[middle]) / 2);
    }
}
