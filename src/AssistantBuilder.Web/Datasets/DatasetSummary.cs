using AssistantBuilder.Data;

namespace AssistantBuilder.Web.Datasets;

/// <summary>A dataset as the list shows it.</summary>
public sealed record DatasetSummary(Guid Id, string Name, string Format, string OriginalFileName, long SizeBytes, int Conversations, int RejectedCount, DateTime CreatedAt)
{
    public static DatasetSummary From(Dataset d) => new(d.Id, d.Name, d.Format, d.OriginalFileName, d.SizeBytes, d.Conversations, d.RejectedCount, d.CreatedAt);
}
