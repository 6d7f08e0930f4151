using System.Text.Json;
using AssistantBuilder.Engine.Training;

namespace AssistantBuilder.Cli.Commands;

/// <summary>Runs one training stage with JSON lines or a progress bar, and marks finished stages so --resume skips them.</summary>
sealed class StageReport(bool json)
{
    public const string DoneMarker = "stage.done";

    public void Stage(string name)
    {
        if (json) Console.WriteLine(JsonSerializer.Serialize(new { @event = "stage", stage = name }));
        else Console.Error.WriteLine($"stage: {name}");
    }

    /// <summary>
    /// True when the run finished; false when it was stopped (a checkpoint was written). With
    /// <paramref name="resumeOnlyIfStarted"/>, --resume on a stage that never wrote a checkpoint starts it afresh.
    /// </summary>
    public bool Run(Trainer trainer, bool resume, CancellationToken ct, bool resumeOnlyIfStarted = false)
    {
        if (resumeOnlyIfStarted) resume = resume && Directory.Exists(Path.Combine(trainer.OutputDirectory, "checkpoints"));
        var done = json
            ? trainer.Run(e => Console.WriteLine(JsonSerializer.Serialize(e, JsonDefaults.Snake)), resume, ct)
            : TrainProgress.Run(trainer, resume, ct);
        return done.Completed;
    }

    public static bool IsDone(string directory) => File.Exists(Path.Combine(directory, DoneMarker));

    public static void MarkDone(string directory) => File.WriteAllText(Path.Combine(directory, DoneMarker), DateTime.UtcNow.ToString("O"));
}
