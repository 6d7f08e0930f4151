using AssistantBuilder.Web.Datasets;

namespace AssistantBuilder.Web.Conversations;

/// <summary>The dataset made from an assistant's rated conversations, and where to fine-tune on it.</summary>
public sealed record FeedbackDatasetResult(DatasetSummary Dataset, int ConversationsUsed, int CorrectionsUsed, string FineTuneUrl);
