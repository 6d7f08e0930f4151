using AssistantBuilder.Core.Storage;
using AssistantBuilder.Engine.Lora;

namespace AssistantBuilder.Jobs;

/// <summary>
/// Where a job's trainer works, and how what it writes reaches the artifact store every node reads.
/// <para>In place: when the store is a local folder (the shared data directory) and the worker has no scratch folder,
/// the trainer writes into the store's own folder for the job, which every node sees as it is written.</para>
/// <para>Scratch: otherwise (a store reached over the network, or a worker told to train on its local disk) the trainer
/// works in <c>SCRATCH/jobs/ID</c>, restored from the store at the start of each attempt (the newest complete checkpoint,
/// best/, train.log); each checkpoint is stored as soon as the trainer has written it (its trainer_state.json last, so
/// a half-stored one is never resumed from), and the adapter, best/ and train.log when the attempt ends.</para>
/// </summary>
public sealed class JobFiles
{
    const string Checkpoints = "checkpoints";
    readonly IArtifactStore _store;
    readonly string _key;

    JobFiles(IArtifactStore store, string key, string folder, bool inPlace) => (_store, _key, Folder, InPlace) = (store, key, folder, inPlace);

    /// <summary>The local folder the trainer writes to.</summary>
    public string Folder { get; }

    public bool InPlace { get; }

    /// <summary>The job's files for its stored output folder (relative: an artifact key; an absolute path is used in place).</summary>
    public static async Task<JobFiles> OpenAsync(IArtifactStore store, string? scratch, string storedOutputDir, CancellationToken ct)
    {
        if (Path.IsPathRooted(storedOutputDir)) return new(store, storedOutputDir, storedOutputDir, inPlace: true);
        string key = ArtifactKey.Check(ArtifactFolders.KeyOf(storedOutputDir));
        if (scratch is null && store.IsLocal) return new(store, key, await store.GetLocalPathAsync(key, ct), inPlace: true);
        string root = scratch ?? Path.Combine(Path.GetTempPath(), "assistantbuilder-scratch");
        return new(store, key, Path.Combine(Path.GetFullPath(root), key.Replace('/', Path.DirectorySeparatorChar)), inPlace: false);
    }

    /// <summary>Scratch: replaces the local folder with the job's stored state (call once no trainer holds the folder's lock).</summary>
    public async Task RestoreAsync(CancellationToken ct)
    {
        if (InPlace) return;
        if (Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
        Directory.CreateDirectory(Folder);
        var stored = await _store.ListAsync(_key, ct);
        string? latest = CompleteCheckpoints(stored.Select(k => k[(_key.Length + 1)..])).LastOrDefault();
        await _store.GetFilesAsync(_key, Folder, relative =>
            !relative.StartsWith(Checkpoints + "/", StringComparison.Ordinal) || (latest is not null && relative.StartsWith(latest + "/", StringComparison.Ordinal)), ct);
    }

    /// <summary>Scratch: stores the checkpoint the trainer has just written in <paramref name="checkpointDir"/>, then drops stored checkpoints the trainer no longer keeps.</summary>
    public async Task PublishCheckpointAsync(string checkpointDir, CancellationToken ct)
    {
        if (InPlace) return;
        string name = Path.GetFileName(checkpointDir.TrimEnd(Path.DirectorySeparatorChar));
        var files = ArtifactFolders.FilesIn(checkpointDir);
        if (!files.Contains(TrainerStateFile)) return; // already replaced by a newer one
        var ordered = files.Where(f => f != TrainerStateFile).Append(TrainerStateFile);
        if (!await _store.PutFilesAsync($"{_key}/{Checkpoints}/{name}", checkpointDir, ordered, ct)) return;
        var kept = Directory.Exists(Path.Combine(Folder, Checkpoints))
            ? Directory.GetDirectories(Path.Combine(Folder, Checkpoints)).Select(Path.GetFileName).Append(name).ToHashSet()
            : [name];
        var storedFolders = (await _store.ListAsync($"{_key}/{Checkpoints}", ct))
            .Select(k => k[(_key.Length + Checkpoints.Length + 2)..].Split('/')[0]).Distinct();
        foreach (var old in storedFolders.Where(f => !kept.Contains(f)))
            await _store.DeleteAsync($"{_key}/{Checkpoints}/{old}", ct);
    }

    /// <summary>Scratch: stores the newest complete checkpoint and everything outside checkpoints/ (adapter, best/, train.log).</summary>
    public async Task PublishAsync(CancellationToken ct)
    {
        if (InPlace) return;
        var files = ArtifactFolders.FilesIn(Folder);
        if (CompleteCheckpoints(files).LastOrDefault() is { } latest)
            await PublishCheckpointAsync(Path.Combine(Folder, latest.Replace('/', Path.DirectorySeparatorChar)), ct);
        await _store.PutFilesAsync(_key, Folder, files.Where(f => !f.StartsWith(Checkpoints + "/", StringComparison.Ordinal)), ct);
    }

    /// <summary>Scratch: stores train.log (after the attempt's last line).</summary>
    public Task PublishLogAsync(CancellationToken ct) => InPlace ? Task.CompletedTask : _store.PutFilesAsync(_key, Folder, [JobFolder.LogFile], ct);

    /// <summary>Scratch: removes the local copy once the attempt's files are stored.</summary>
    public void DeleteLocal()
    {
        if (!InPlace && Directory.Exists(Folder)) Directory.Delete(Folder, recursive: true);
    }

    /// <summary>Whether the stored output has a PEFT adapter at its root.</summary>
    public async Task<bool> HasAdapterAsync(CancellationToken ct) => InPlace
        ? JobFolder.HasAdapter(Folder)
        : await _store.ExistsAsync($"{_key}/{PeftAdapter.ConfigFile}", ct) && await _store.ExistsAsync($"{_key}/{PeftAdapter.WeightsFile}", ct);

    const string TrainerStateFile = "trainer_state.json";

    /// <summary>The checkpoint folders (checkpoints/step-N) among relative file paths that hold a trainer_state.json, oldest first.</summary>
    static IEnumerable<string> CompleteCheckpoints(IEnumerable<string> relativeFiles) => relativeFiles
        .Select(f => f.Split('/'))
        .Where(s => s.Length == 3 && s[0] == Checkpoints && s[1].StartsWith("step-", StringComparison.Ordinal) && s[2] == TrainerStateFile)
        .Select(s => $"{s[0]}/{s[1]}").Order(StringComparer.Ordinal);
}
