namespace AssistantBuilder.Engine.Training;

/// <summary>
/// One tokenized conversation ready for training. <see cref="Labels"/> has the length of <see cref="InputIds"/>:
/// the token id where the model is trained, <see cref="IgnoreIndex"/> (-100) elsewhere. Labels are not shifted
/// (as in HF transformers): the loss compares the logits at position t with <c>Labels[t + 1]</c>.
/// </summary>
/// <param name="InputIds">The rendered conversation's token ids.</param>
/// <param name="Labels">Per position, the id to learn or -100.</param>
/// <param name="TrainedTokens">How many labels are not -100.</param>
/// <param name="SourceIndex">Where the conversation came from (e.g. its line in the data set), for error reports.</param>
public sealed record TrainingExample(int[] InputIds, int[] Labels, int TrainedTokens, int SourceIndex)
{
    /// <summary>The label of positions that take no part in the loss (PyTorch's cross-entropy default).</summary>
    public const int IgnoreIndex = -100;

    public int Length => InputIds.Length;
}
