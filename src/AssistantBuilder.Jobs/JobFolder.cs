using AssistantBuilder.Engine.Lora;

namespace AssistantBuilder.Jobs;

/// <summary>A job's output folder: the adapter at its root, checkpoints/, the trainer's .lock and train.log.</summary>
public static class JobFolder
{
    public const string LogFile = "train.log";

    /// <summary>True when a completed checkpoint is there to resume from.</summary>
    public static bool HasCheckpoint(string dir)
    {
        string checkpoints = Path.Combine(dir, "checkpoints");
        return Directory.Exists(checkpoints) &&
            Directory.GetDirectories(checkpoints, "step-*").Any(d => File.Exists(Path.Combine(d, "trainer_state.json")));
    }

    /// <summary>
    /// False while a trainer holds the folder's lock (<c>ab train</c> keeps <c>.lock</c> open with an exclusive flock
    /// until it exits), e.g. one orphaned by a crash that is still writing its last checkpoint.
    /// </summary>
    public static bool IsUnlocked(string dir)
    {
        string path = Path.Combine(dir, ".lock");
        if (!File.Exists(path)) return true;
        try
        {
            using var probe = new FileStream(path, FileMode.Open, FileAccess.ReadWrite, FileShare.None);
            return true;
        }
        catch (FileNotFoundException) { return true; }
        catch (IOException) { return false; }
    }

    public static bool HasAdapter(string dir) =>
        File.Exists(Path.Combine(dir, PeftAdapter.ConfigFile)) && File.Exists(Path.Combine(dir, PeftAdapter.WeightsFile));
}
