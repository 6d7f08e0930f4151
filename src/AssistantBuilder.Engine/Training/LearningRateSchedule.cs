namespace AssistantBuilder.Engine.Training;

/// <summary>Linear warmup to the peak rate, then cosine decay to zero (as HF's get_cosine_schedule_with_warmup).</summary>
public sealed record LearningRateSchedule(double Peak, int WarmupSteps, int TotalSteps)
{
    /// <summary>The rate for optimizer step <paramref name="step"/> (0-based).</summary>
    public double At(int step)
    {
        if (step < WarmupSteps) return Peak * (step + 1) / WarmupSteps;
        double progress = (double)(step - WarmupSteps) / Math.Max(1, TotalSteps - WarmupSteps);
        return Peak * 0.5 * (1 + Math.Cos(Math.PI * Math.Min(1, progress)));
    }
}
