namespace AssistantBuilder.Engine.Training;

/// <summary>Pads a batch of examples on the right to its longest example.</summary>
public static class Collator
{
    public static CollatedBatch Collate(IReadOnlyList<TrainingExample> batch, int padId)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0)
            throw new ArgumentException("A batch needs at least one example.", nameof(batch));
        int longest = batch.Max(e => e.InputIds.Length);
        var ids = new long[batch.Count, longest];
        var labels = new long[batch.Count, longest];
        var mask = new bool[batch.Count, longest];
        int trained = 0;
        for (int row = 0; row < batch.Count; row++)
        {
            var example = batch[row];
            if (example.Labels.Length != example.InputIds.Length)
                throw new ArgumentException($"Example {example.SourceIndex}: {example.Labels.Length} labels for {example.InputIds.Length} ids.", nameof(batch));
            for (int t = 0; t < longest; t++)
            {
                bool real = t < example.InputIds.Length;
                ids[row, t] = real ? example.InputIds[t] : padId;
                labels[row, t] = real ? example.Labels[t] : TrainingExample.IgnoreIndex;
                mask[row, t] = real;
            }
            trained += example.TrainedTokens;
        }
        return new CollatedBatch(ids, labels, mask, trained);
    }
}
