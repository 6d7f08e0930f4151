using AssistantBuilder.Core.Storage;
using AssistantBuilder.Jobs;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Web.FunctionalTests.Workers;

/// <summary>A job's files in scratch mode: a local folder whose checkpoints, adapter and log reach the store, and come back from it.</summary>
public sealed class JobFilesTests : IDisposable
{
    readonly string _dir = TempDir.Create("jobfiles");
    readonly SharedFolderStore _store;

    public JobFilesTests() => _store = new SharedFolderStore(Path.Combine(_dir, "store"));

    public void Dispose() => TempDir.Delete(_dir);

    static string Checkpoint(string folder, int step, bool complete = true)
    {
        string dir = Path.Combine(folder, "checkpoints", $"step-{step:D6}");
        Directory.CreateDirectory(dir);
        File.WriteAllText(Path.Combine(dir, "adapter_model.safetensors"), $"weights {step}");
        File.WriteAllText(Path.Combine(dir, "optimizer.bin"), $"optimizer {step}");
        if (complete) File.WriteAllText(Path.Combine(dir, "trainer_state.json"), $"{{\"step\":{step}}}");
        return dir;
    }

    [Fact]
    public async Task Without_a_scratch_folder_a_local_store_is_written_in_place()
    {
        var files = await JobFiles.OpenAsync(_store, scratch: null, "jobs/a", default);
        Assert.True(files.InPlace);
        Assert.Equal(Path.Combine(_store.Root, "jobs", "a"), files.Folder);
    }

    [Fact]
    public async Task Scratch_checkpoints_are_stored_as_written_and_the_newest_complete_one_comes_back_on_another_worker()
    {
        var first = await JobFiles.OpenAsync(_store, Path.Combine(_dir, "scratch1"), "jobs/b", default);
        Assert.False(first.InPlace);
        await first.RestoreAsync(default);
        for (int step = 2; step <= 6; step += 2)
        {
            string written = Checkpoint(first.Folder, step);
            // As the trainer does: it keeps two, deleting older ones, before it reports the new one.
            foreach (var old in Directory.GetDirectories(Path.Combine(first.Folder, "checkpoints")).Order().SkipLast(2)) Directory.Delete(old, true);
            await first.PublishCheckpointAsync(written, default);
        }
        Checkpoint(first.Folder, 8, complete: false); // being written when the worker died
        File.WriteAllText(Path.Combine(first.Folder, "train.log"), "attempt 1\n");
        await first.PublishLogAsync(default);
        Assert.Equal(["jobs/b/checkpoints/step-000004/adapter_model.safetensors", "jobs/b/checkpoints/step-000004/optimizer.bin",
            "jobs/b/checkpoints/step-000004/trainer_state.json", "jobs/b/checkpoints/step-000006/adapter_model.safetensors",
            "jobs/b/checkpoints/step-000006/optimizer.bin", "jobs/b/checkpoints/step-000006/trainer_state.json", "jobs/b/train.log"],
            await _store.ListAsync("jobs/b"));

        // Another worker: the newest complete checkpoint and the log, nothing else.
        var second = await JobFiles.OpenAsync(_store, Path.Combine(_dir, "scratch2"), "jobs/b", default);
        Directory.CreateDirectory(second.Folder);
        File.WriteAllText(Path.Combine(second.Folder, "stale.txt"), "from an earlier attempt");
        await second.RestoreAsync(default);
        Assert.Equal(["checkpoints/step-000006/adapter_model.safetensors", "checkpoints/step-000006/optimizer.bin",
            "checkpoints/step-000006/trainer_state.json", "train.log"], ArtifactFolders.FilesIn(second.Folder));
        Assert.True(JobFolder.HasCheckpoint(second.Folder));

        // It finishes: the adapter, best/ and the log are stored; the store keeps the checkpoints the trainer kept.
        Checkpoint(second.Folder, 10);
        File.WriteAllText(Path.Combine(second.Folder, "adapter_config.json"), "{}");
        File.WriteAllText(Path.Combine(second.Folder, "adapter_model.safetensors"), "final");
        Assert.False(await second.HasAdapterAsync(default));
        await second.PublishAsync(default);
        Assert.True(await second.HasAdapterAsync(default));
        var stored = await _store.ListAsync("jobs/b");
        Assert.Contains("jobs/b/adapter_model.safetensors", stored);
        Assert.Equal(["step-000006", "step-000010"], stored.Where(k => k.Contains("/checkpoints/")).Select(k => k.Split('/')[3]).Distinct());
        second.DeleteLocal();
        Assert.False(Directory.Exists(second.Folder));
    }
}
