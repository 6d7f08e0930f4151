using AssistantBuilder.Engine.Modeling;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace AssistantBuilder.Engine.Training;

/// <summary>
/// The output folder of a run: resumable checkpoints under <c>checkpoints/step-NNNNNN/</c> (weights, optimizer
/// state, trainer_state.json), the best weights so far under <c>best/</c>, and the final weights at the top.
/// Each checkpoint is written to a temporary folder and renamed, so a crash never leaves a half-written one.
/// </summary>
public sealed class TrainingCheckpoints(string outputDirectory, IWeightsStore weights, CausalLm model, TrainingFingerprint fingerprint)
{
    const string StateFile = "trainer_state.json", OptimizerFile = "optimizer.bin";
    const int Keep = 2;

    string Root => Path.Combine(outputDirectory, "checkpoints");
    string Best => Path.Combine(outputDirectory, "best");

    public string Save(OptimizerHelper optimizer, TrainerState state)
    {
        string dir = Path.Combine(Root, $"step-{state.Step:D6}"), tmp = dir + ".tmp";
        if (Directory.Exists(tmp)) Directory.Delete(tmp, recursive: true);
        weights.Save(model, tmp);
        optimizer.save_state_dict(Path.Combine(tmp, OptimizerFile));
        using (var rng = get_rng_state())
            (state with { RngState = Convert.ToBase64String(rng.bytes), Fingerprint = fingerprint }).Save(Path.Combine(tmp, StateFile));
        if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        Directory.Move(tmp, dir);
        foreach (var old in Completed().SkipLast(Keep)) Directory.Delete(old, recursive: true);
        return dir;
    }

    /// <summary>Loads the latest checkpoint into the model and optimizer and returns where the run stood.</summary>
    public TrainerState Restore(OptimizerHelper optimizer)
    {
        string dir = Completed().LastOrDefault()
            ?? throw new ResumeException($"nothing to resume: no checkpoint in {Root}");
        var state = TrainerState.Load(Path.Combine(dir, StateFile));
        string? why = state.Fingerprint is null ? "it has no fingerprint" : fingerprint.Mismatch(state.Fingerprint);
        if (why is not null) throw new ResumeException($"cannot resume from {dir}: {why}");
        weights.Load(model, dir);
        optimizer.load_state_dict(Path.Combine(dir, OptimizerFile));
        using var rng = tensor(Convert.FromBase64String(state.RngState), dtype: ScalarType.Byte);
        set_rng_state(rng);
        return state;
    }

    public void SaveBest() => weights.Save(model, Best);

    /// <summary>Writes the weights to the output folder: the best so far when asked and available, else the current ones.</summary>
    public void SaveFinal(bool keepBest)
    {
        if (keepBest && Directory.Exists(Best))
            foreach (var file in Directory.GetFiles(Best))
                File.Copy(file, Path.Combine(outputDirectory, Path.GetFileName(file)), overwrite: true);
        else weights.Save(model, outputDirectory);
    }

    IEnumerable<string> Completed() => Directory.Exists(Root)
        ? Directory.GetDirectories(Root, "step-*").Where(d => !d.EndsWith(".tmp") && File.Exists(Path.Combine(d, StateFile))).Order()
        : [];
}
