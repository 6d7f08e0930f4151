using System.Text;
using AssistantBuilder.Core.Storage;
using AssistantBuilder.Testing;

namespace AssistantBuilder.Core.Tests.Storage;

/// <summary>The shared-folder artifact store on a real temporary folder: round trips, refused keys, atomic writes.</summary>
public sealed class SharedFolderStoreTests : IDisposable
{
    readonly string _outer = TempDir.Create("store");
    readonly string _root;
    readonly SharedFolderStore _store;

    public SharedFolderStoreTests()
    {
        _root = Path.Combine(_outer, "data");
        _store = new SharedFolderStore(_root);
    }

    public void Dispose() => TempDir.Delete(_outer);

    static MemoryStream Text(string text) => new(Encoding.UTF8.GetBytes(text));

    async Task<string?> ReadAsync(string key)
    {
        await using var stream = await _store.OpenReadAsync(key);
        if (stream is null) return null;
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }

    /// <summary>Every file under the outer folder, hidden ones included, relative to it.</summary>
    string[] AllFiles() => Directory.EnumerateFiles(_outer, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(_outer, f)).Order().ToArray();

    [Fact]
    public async Task Stores_reads_lists_replaces_and_deletes_artifacts_by_key()
    {
        await _store.PutAsync("datasets/1/chats.jsonl", Text("one"));
        await _store.PutAsync("datasets/1/extra/notes.txt", Text("notes"));
        await _store.PutAsync("datasets/2/chats.jsonl", Text("two"));
        await _store.PutAsync("datasets/1/chats.jsonl", Text("one, replaced"));

        Assert.Equal("one, replaced", await ReadAsync("datasets/1/chats.jsonl"));
        Assert.Equal(Path.Combine(_root, "datasets", "1", "chats.jsonl"), await _store.GetLocalPathAsync("datasets/1/chats.jsonl"));
        Assert.Equal(["datasets/1/chats.jsonl", "datasets/1/extra/notes.txt"], await _store.ListAsync("datasets/1"));
        Assert.Equal(3, (await _store.ListAsync("")).Count);
        Assert.Null(await ReadAsync("datasets/3/chats.jsonl"));
        Assert.False(await _store.ExistsAsync("datasets/3/chats.jsonl"));

        Assert.True(await _store.DeleteAsync("datasets/1"));
        Assert.False(await _store.DeleteAsync("datasets/1"));
        Assert.Equal(["datasets/2/chats.jsonl"], await _store.ListAsync(""));
        Assert.Equal([Path.Combine("data", "datasets", "2", "chats.jsonl")], AllFiles()); // no temporary or trash left behind
    }

    [Theory]
    [InlineData("../outside.txt")]
    [InlineData("datasets/../../outside.txt")]
    [InlineData("/tmp/outside.txt")]
    [InlineData("datasets\\..\\..\\outside.txt")]
    [InlineData("datasets//x.txt")]
    [InlineData("datasets/x/")]
    [InlineData("datasets/./x.txt")]
    [InlineData(".hidden")]
    [InlineData("datasets/.x.txt.0123.tmp")]
    [InlineData("C:/x.txt")]
    [InlineData("datasets/a\u0000b")]
    [InlineData("")]
    public async Task Refuses_keys_that_could_leave_the_root_or_clash_with_its_temporary_files(string key)
    {
        var refused = await Assert.ThrowsAsync<ArgumentException>(() => _store.PutAsync(key, Text("x")));
        Assert.Contains("artifact key", refused.Message);
        await Assert.ThrowsAsync<ArgumentException>(() => _store.OpenReadAsync(key));
        await Assert.ThrowsAsync<ArgumentException>(() => _store.DeleteAsync(key));
        Assert.Empty(AllFiles());
    }

    [Fact]
    public async Task A_write_that_fails_midway_leaves_the_previous_artifact_and_no_partial_file()
    {
        await _store.PutAsync("adapters/a/adapter_model.safetensors", Text("old weights"));

        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync("adapters/a/adapter_model.safetensors", new FailingStream(Encoding.UTF8.GetBytes("new wei"))));
        await Assert.ThrowsAsync<IOException>(() => _store.PutAsync("adapters/b/adapter_model.safetensors", new FailingStream(Encoding.UTF8.GetBytes("new wei"))));

        Assert.Equal("old weights", await ReadAsync("adapters/a/adapter_model.safetensors"));
        Assert.False(await _store.ExistsAsync("adapters/b/adapter_model.safetensors"));
        Assert.Equal([Path.Combine("data", "adapters", "a", "adapter_model.safetensors")], AllFiles());
    }

    [Fact]
    public async Task A_reader_during_a_write_sees_the_previous_artifact_whole_until_the_write_completes()
    {
        await _store.PutAsync("checkpoints/j/state.json", Text("{\"step\": 1}"));
        var gate = new GatedStream(Encoding.UTF8.GetBytes("{\"step\": 2}"));

        var writing = _store.PutAsync("checkpoints/j/state.json", gate);
        await gate.HalfWritten.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("{\"step\": 1}", await ReadAsync("checkpoints/j/state.json"));

        gate.Release.SetResult();
        await writing.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("{\"step\": 2}", await ReadAsync("checkpoints/j/state.json"));
    }

    [Fact]
    public async Task Storing_a_local_file_moves_it_in_and_a_missing_one_stores_nothing()
    {
        string local = Path.Combine(_outer, "upload.part");
        await File.WriteAllTextAsync(local, "uploaded");

        await _store.PutFileAsync("datasets/9/chats.jsonl", local);

        Assert.False(File.Exists(local));
        Assert.Equal("uploaded", await ReadAsync("datasets/9/chats.jsonl"));
        await Assert.ThrowsAsync<FileNotFoundException>(() => _store.PutFileAsync("datasets/10/chats.jsonl", local));
        Assert.False(await _store.ExistsAsync("datasets/10/chats.jsonl"));
    }

    /// <summary>Gives some bytes, then fails like a dropped upload.</summary>
    sealed class FailingStream(byte[] first) : MemoryStream(first)
    {
        public override int Read(byte[] buffer, int offset, int count) =>
            base.Read(buffer, offset, count) is > 0 and var n ? n : throw new IOException("the connection was reset");

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default) =>
            await base.ReadAsync(buffer, ct) is > 0 and var n ? n : throw new IOException("the connection was reset");
    }

    /// <summary>Gives its first byte, then waits for <see cref="Release"/> before the rest.</summary>
    sealed class GatedStream(byte[] content) : MemoryStream(content)
    {
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        readonly TaskCompletionSource _half = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public Task HalfWritten => _half.Task;

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken ct = default)
        {
            if (Position == 0) return await base.ReadAsync(buffer[..1], ct);
            _half.TrySetResult();
            await Release.Task;
            return await base.ReadAsync(buffer, ct);
        }
    }
}
