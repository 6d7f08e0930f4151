using AssistantBuilder.Data;
using AssistantBuilder.Web.Training;

namespace AssistantBuilder.Web.Components.Training;

/// <summary>Progress, speed and time left of a job, from its counters and its latest steps.</summary>
public static class JobTiming
{
    /// <summary>
    /// Seconds per step over the latest steps of the current attempt (the trainer's elapsed time restarts with each
    /// attempt, so the run of points with increasing time is used); null with fewer than two such points.
    /// </summary>
    public static double? SecondsPerStep(IReadOnlyList<StepPoint> recent)
    {
        int start = recent.Count - 1;
        while (start > 0 && recent[start - 1].ElapsedSeconds < recent[start].ElapsedSeconds && recent[start - 1].Step < recent[start].Step) start--;
        if (start < 0 || recent.Count - start < 2) return null;
        var (first, last) = (recent[start], recent[^1]);
        return (last.ElapsedSeconds - first.ElapsedSeconds) / (last.Step - first.Step);
    }

    public static double Percent(JobDto job) =>
        job.Status == JobStatus.Completed ? 100 : job.TotalSteps > 0 ? Math.Clamp(100.0 * job.Step / job.TotalSteps, 0, 100) : 0;

    /// <summary>Time left for a running job at this speed; null when unknown or not running.</summary>
    public static TimeSpan? Eta(JobDto job, double? secondsPerStep) =>
        job.Status == JobStatus.Running && secondsPerStep is double s && job.TotalSteps > 0 && job.Step <= job.TotalSteps
            ? TimeSpan.FromSeconds(s * (job.TotalSteps - job.Step))
            : null;

    /// <summary>"2h 05m", "3m 07s", "12s".</summary>
    public static string Format(TimeSpan t) =>
        t.TotalHours >= 1 ? $"{(int)t.TotalHours}h {t.Minutes:00}m"
        : t.TotalMinutes >= 1 ? $"{(int)t.TotalMinutes}m {t.Seconds:00}s"
        : $"{Math.Max(0, (int)Math.Round(t.TotalSeconds))}s";
}
