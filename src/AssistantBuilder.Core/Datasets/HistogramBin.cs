namespace AssistantBuilder.Core.Datasets;

/// <summary>One bin of the token-count histogram.</summary>
/// <param name="From">The smallest token count in the bin (inclusive).</param>
/// <param name="To">The largest token count in the bin (inclusive).</param>
/// <param name="Count">How many conversations fall in the bin.</param>
public sealed record HistogramBin(int From, int To, int Count);
