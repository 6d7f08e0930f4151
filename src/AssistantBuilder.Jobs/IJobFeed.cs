using AssistantBuilder.Data;

namespace AssistantBuilder.Jobs;

/// <summary>Where a worker publishes what it stored: the web app turns these into its live feed (pages, hub); <c>ab worker</c> ignores them.</summary>
public interface IJobFeed
{
    /// <summary>An event row was saved (it has its id).</summary>
    void EventAdded(TrainingJobEvent row);

    /// <summary>The job's status or progress changed and was saved.</summary>
    void ProgressChanged(TrainingJob job);
}
