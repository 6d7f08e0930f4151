namespace AssistantBuilder.Core.Datasets;

/// <summary>Bins token counts into about 10 bins of equal integer width between the smallest and largest count.</summary>
internal static class Histogram
{
    public const int TargetBins = 10;

    public static IReadOnlyList<HistogramBin> Build(IReadOnlyList<int> sortedCounts)
    {
        if (sortedCounts.Count == 0)
        {
            return [];
        }

        int min = sortedCounts[0];
        int max = sortedCounts[^1];
        int width = Math.Max(1, (int)Math.Ceiling((max - min + 1) / (double)TargetBins));
        int bins = (max - min) / width + 1;
        var counts = new int[bins];
        foreach (int count in sortedCounts)
        {
            counts[(count - min) / width]++;
        }

        return counts.Select((c, i) => new HistogramBin(min + i * width, Math.Min(max, min + (i + 1) * width - 1), c)).ToList();
    }
}
