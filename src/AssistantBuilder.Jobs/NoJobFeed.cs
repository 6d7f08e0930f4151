using AssistantBuilder.Data;

namespace AssistantBuilder.Jobs;

/// <summary>A feed nobody listens to (a stand-alone worker: the database is where its progress goes).</summary>
public sealed class NoJobFeed : IJobFeed
{
    public static readonly NoJobFeed Instance = new();

    public void EventAdded(TrainingJobEvent row) { }

    public void ProgressChanged(TrainingJob job) { }
}
