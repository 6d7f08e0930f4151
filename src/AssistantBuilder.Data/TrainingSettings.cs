using System.ComponentModel.DataAnnotations;

namespace AssistantBuilder.Data;

/// <summary>
/// A fine-tune's hyperparameters: those of <c>ab train</c>, with its defaults. Stored as JSON on the job.
/// A null learning rate, epoch count or batch size lets <c>ab train</c> choose the model's recommended one (by its size).
/// </summary>
public sealed record TrainingSettings
{
    [Range(1, 100)] public int? Epochs { get; init; }
    [Range(1e-7, 1.0)] public double? LearningRate { get; init; }
    [Range(1, 512)] public int LoraRank { get; init; } = 16;
    [Range(0.0001, 10000)] public double LoraAlpha { get; init; } = 32;
    [Range(0.0, 0.9)] public double LoraDropout { get; init; } = 0.0;
    [Range(1, 1024)] public int? BatchSize { get; init; }
    [Range(1, 1024)] public int GradAccum { get; init; } = 1;
    [Range(8, 131072)] public int MaxSeqLen { get; init; } = 1024;
    [Range(0.0, 0.5)] public double WarmupRatio { get; init; } = 0.03;
    [Range(1, 100000)] public int SaveEvery { get; init; } = 50;
    [Range(0, 100000)] public int EvalEvery { get; init; }
    public int Seed { get; init; } = 42;
}
