namespace AssistantBuilder.Engine.Training;

/// <summary>
/// A batch as plain arrays of shape [batch, longest]: right-padded ids, labels (-100 on padding) and the key mask
/// (true on real tokens), for the caller to turn into tensors.
/// </summary>
public sealed record CollatedBatch(long[,] Ids, long[,] Labels, bool[,] KeyMask, int TrainedTokens)
{
    public int BatchSize => Ids.GetLength(0);

    public int SequenceLength => Ids.GetLength(1);
}
