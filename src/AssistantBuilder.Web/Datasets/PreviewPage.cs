using AssistantBuilder.Core.Training;

namespace AssistantBuilder.Web.Datasets;

/// <summary>A page of a dataset's conversations rendered with a base model's chat template, with the label mask.</summary>
/// <param name="Total">Conversations in the dataset.</param>
/// <param name="EndOfTurnTokens">The tokens that end a trained assistant turn (trained too: the model learns to stop).</param>
public sealed record PreviewPage(
    Guid DatasetId, Guid ModelId, string ModelName, string TemplateName, IReadOnlyList<string> EndOfTurnTokens,
    int Total, int Skip, int Take, IReadOnlyList<LabelledConversation> Conversations);
