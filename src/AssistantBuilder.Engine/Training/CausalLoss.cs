using AssistantBuilder.Engine.Modeling;
using static TorchSharp.torch;
using F = TorchSharp.torch.nn.functional;

namespace AssistantBuilder.Engine.Training;

/// <summary>Next-token cross-entropy over the labelled positions: logits at t predict Labels[t + 1].</summary>
public static class CausalLoss
{
    /// <summary>Summed loss (a scalar tensor) and the number of real, non-padding tokens in the batch.</summary>
    public static (Tensor Sum, long Tokens) Sum(CausalLm model, CollatedBatch batch)
    {
        var ids = tensor(batch.Ids, device: model.Device);
        var labels = tensor(batch.Labels, device: model.Device);
        var mask = tensor(batch.KeyMask, device: model.Device);
        var logits = model.Forward(ids, keyMask: mask);                           // [B, T, V]
        long t = logits.shape[1], v = logits.shape[2];
        var predicted = logits.narrow(1, 0, t - 1).reshape(-1, v).to_type(ScalarType.Float32); // [B*(T-1), V]
        var targets = labels.narrow(1, 1, t - 1).reshape(-1);                    // [B*(T-1)]
        var sum = F.cross_entropy(predicted, targets, ignore_index: TrainingExample.IgnoreIndex, reduction: nn.Reduction.Sum);
        return (sum, mask.sum().item<long>());
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
