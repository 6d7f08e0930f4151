using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace AssistantBuilder.Engine.Training;

/// <summary>Next-token cross-entropy over the labelled positions: logits at t predict Labels[t + 1].</summary>
public static class CausalLoss
{
    /// <summary>
    /// Summed loss (a scalar tensor) and the number of real, non-padding tokens in the batch. Batches are right-padded,
    /// so causal attention alone keeps real tokens from seeing padding; logits are computed only at the positions
    /// that are trained, which saves most of the [B, T, V] logits memory on chat data.
    /// </summary>
    public static (Tensor Sum, long Tokens) Sum(CausalLm model, CollatedBatch batch)
    {
        var ids = tensor(batch.Ids, device: model.Device);
        var labels = tensor(batch.Labels, device: model.Device);
        var hidden = model.Hidden(ids);                                          // [B, T, C]
        long t = hidden.shape[1];
        var rows = hidden.narrow(1, 0, t - 1).reshape(-1, hidden.shape[2]);      // [B*(T-1), C]: position t predicts t + 1
        var targets = labels.narrow(1, 1, t - 1).reshape(-1);                    // [B*(T-1)]
        var trained = (targets != TrainingExample.IgnoreIndex).nonzero().squeeze(1);
        var logits = model.Logits(rows.index_select(0, trained)).to_type(ScalarType.Float32); // [N, V]
        var sum = F.cross_entropy(logits, targets.index_select(0, trained), reduction: nn.Reduction.Sum);
        long real = 0;
        foreach (bool m in batch.KeyMask) if (m) real++;
        return (sum, real);
    }

    /// <summary>How many positions of a batch take part in the loss (labels after the first column that are not -100).</summary>
    public static long PredictedTokens(CollatedBatch batch)
    {
        long n = 0;
        for (int b = 0; b < batch.Labels.GetLength(0); b++)
            for (int t = 1; t < batch.Labels.GetLength(1); t++)
                if (batch.Labels[b, t] != TrainingExample.IgnoreIndex) n++;
        return n;
    }

    /// <summary>Mean loss per predicted token over a data set, in eval mode and without gradients.</summary>
    public static double Mean(CausalLm model, IReadOnlyList<TrainingExample> examples, int batchSize, int padId)
    {
        bool training = model.training;
        model.eval();
        try
        {
            using var noGrad = no_grad();
            double sum = 0;
            long count = 0;
            foreach (var chunk in examples.OrderBy(e => e.Length).Chunk(batchSize))
            {
                using var scope = NewDisposeScope();
                var batch = Collator.Collate(chunk, padId);
                sum += Sum(model, batch).Sum.item<float>();
                count += PredictedTokens(batch);
            }
            return sum / Math.Max(1, count);
        }
        finally { if (training) model.train(); }
    }
}
