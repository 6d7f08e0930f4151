using AssistantBuilder.Core.Storage;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Core.Tests.Storage;

/// <summary>Folders moved between a local folder and the shared-folder store, file by file.</summary>
public sealed class ArtifactFoldersTests : IDisposable
{
    readonly string _dir = TempDir.Create("folders");
    readonly SharedFolderStore _store;
    readonly string _local;

    public ArtifactFoldersTests()
    {
        _store = new SharedFolderStore(Path.Combine(_dir, "store"));
        _local = Path.Combine(_dir, "local");
        Directory.CreateDirectory(Path.Combine(_local, "sub"));
        File.WriteAllText(Path.Combine(_local, "a.json"), "a");
        File.WriteAllText(Path.Combine(_local, "sub", "b.bin"), "b");
        File.WriteAllText(Path.Combine(_local, ".lock"), "");
    }

    public void Dispose() => TempDir.Delete(_dir);

    [Fact]
    public async Task Files_go_in_and_come_back_without_hidden_ones()
    {
        var files = ArtifactFolders.FilesIn(_local);
        Assert.Equal(["a.json", "sub/b.bin"], files);
        Assert.True(await _store.PutFilesAsync("jobs/1", _local, files));
        Assert.Equal(["jobs/1/a.json", "jobs/1/sub/b.bin"], await _store.ListAsync("jobs/1"));
        Assert.True(File.Exists(Path.Combine(_local, "a.json"))); // copied, not moved

        string back = Path.Combine(_dir, "back");
        Assert.Equal(1, await _store.GetFilesAsync("jobs/1", back, relative => relative.StartsWith("sub/")));
        Assert.Equal("b", File.ReadAllText(Path.Combine(back, "sub", "b.bin")));
        Assert.False(File.Exists(Path.Combine(back, "a.json")));
    }

    [Fact]
    public async Task A_file_gone_meanwhile_stops_the_copy_before_the_files_after_it()
    {
        Assert.False(await _store.PutFilesAsync("jobs/2", _local, ["a.json", "gone.bin", "sub/b.bin"]));
        Assert.Equal(["jobs/2/a.json"], await _store.ListAsync("jobs/2"));
    }

    [Fact]
    public async Task Stored_paths_resolve_through_the_store_and_absolute_ones_pass_through()
    {
        await _store.PutFilesAsync("models/m", _local, ["a.json"]);
        Assert.Equal(Path.Combine(_store.Root, "models", "m"), await _store.LocalPathOfAsync("models/m/"));
        Assert.Equal(_local, await _store.LocalPathOfAsync(_local));
        await using (var stored = await _store.OpenFileAsync("models/m", "a.json"))
            Assert.Equal("a", await new StreamReader(stored!).ReadToEndAsync());
        await using (var absolute = await _store.OpenFileAsync(_local, "a.json"))
            Assert.Equal("a", await new StreamReader(absolute!).ReadToEndAsync());
        Assert.Null(await _store.OpenFileAsync("models/m", "config.json"));
        Assert.Null(await _store.OpenFileAsync(_local, "config.json"));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.LocalPathOfAsync("../outside"));
    }
}
