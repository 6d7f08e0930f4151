namespace AssistantBuilder.Web.Datasets;

/// <summary>A dataset with its import report (statistics, histogram, rejected records).</summary>
public sealed record DatasetDetail(DatasetSummary Dataset, DatasetReport Report);
