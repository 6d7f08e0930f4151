namespace AssistantBuilder.Engine.Training;

/// <summary>Hyperparameters of a LoRA fine-tune, with defaults that suit a small model and a few hundred conversations.</summary>
public sealed record TrainOptions
{
    public int Epochs { get; init; } = 3;
    public double LearningRate { get; init; } = 2e-4;
    /// <summary>Conversations per micro-batch (grouped by length).</summary>
    public int BatchSize { get; init; } = 8;
    /// <summary>
    /// Cap on a micro-batch's padded tokens (conversations × longest), which bounds activation memory
    /// (about 120 KB per token per layer at SmolLM2-135M's width); 0 = no cap. Never below the longest conversation.
    /// </summary>
    public int MaxBatchTokens { get; init; } = 4096;
    /// <summary>Micro-batches per optimizer step.</summary>
    public int GradAccum { get; init; } = 1;
    public double WarmupRatio { get; init; } = 0.03;
    public double WeightDecay { get; init; }
    public double MaxGradNorm { get; init; } = 1.0;
    public int Seed { get; init; } = 42;
    /// <summary>Evaluate every N optimizer steps as well as at each epoch's end; 0 = at epoch ends only.</summary>
    public int EvalEvery { get; init; }
    /// <summary>Write a resumable checkpoint every N optimizer steps; 0 = only at the end or on cancellation.</summary>
    public int SaveEvery { get; init; } = 100;
    /// <summary>Stop when the validation loss has not improved for this many evaluations (and keep the best adapter).</summary>
    public int? EarlyStoppingPatience { get; init; }

    public void Validate()
    {
        void Check(bool ok, string message) { if (!ok) throw new ArgumentException(message); }
        Check(Epochs is >= 1 and <= 1000, $"epochs must be between 1 and 1000 (got {Epochs})");
        Check(LearningRate is > 0 and < 1, $"learning rate must be in (0, 1) (got {LearningRate})");
        Check(BatchSize is >= 1 and <= 4096, $"batch size must be between 1 and 4096 (got {BatchSize})");
        Check(MaxBatchTokens >= 0, $"the batch token budget must not be negative (got {MaxBatchTokens})");
        Check(GradAccum is >= 1 and <= 1024, $"gradient accumulation must be between 1 and 1024 (got {GradAccum})");
        Check(WarmupRatio is >= 0 and < 1, $"warmup ratio must be in [0, 1) (got {WarmupRatio})");
        Check(WeightDecay >= 0, $"weight decay must not be negative (got {WeightDecay})");
        Check(MaxGradNorm > 0, $"max gradient norm must be positive (got {MaxGradNorm})");
        Check(EvalEvery >= 0 && SaveEvery >= 0, "eval and save intervals must not be negative");
        Check(EarlyStoppingPatience is null or >= 1, $"early stopping patience must be at least 1 (got {EarlyStoppingPatience})");
    }
}
