using System.Text.Json.Serialization;

namespace AssistantBuilder.Engine.Training;

/// <summary>What a training run reports as it goes; serialised as JSON lines by <c>ab train --json</c>.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "event")]
[JsonDerivedType(typeof(StepEvent), "step")]
[JsonDerivedType(typeof(EvalEvent), "eval")]
[JsonDerivedType(typeof(CheckpointEvent), "checkpoint")]
[JsonDerivedType(typeof(DoneEvent), "done")]
public abstract record TrainingEvent(int Step, double Epoch);

public sealed record StepEvent(int Step, double Epoch, int TotalSteps, double Loss, double LearningRate, double TokensPerSecond, double GradNorm, double ElapsedSeconds)
    : TrainingEvent(Step, Epoch);

public sealed record EvalEvent(int Step, double Epoch, double EvalLoss, double Perplexity) : TrainingEvent(Step, Epoch);

public sealed record CheckpointEvent(int Step, double Epoch, string Path) : TrainingEvent(Step, Epoch);

public sealed record DoneEvent(int Step, double Epoch, string AdapterDir, double TrainLoss, double? EvalLoss, long TrainedTokens,
    double TokensPerSecond, double Seconds, bool Completed, string? StoppedBecause) : TrainingEvent(Step, Epoch);
