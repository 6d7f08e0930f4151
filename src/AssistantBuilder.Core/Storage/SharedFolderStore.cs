namespace AssistantBuilder.Core.Storage;

/// <summary>
/// The default <see cref="IArtifactStore"/>: a folder (the data directory, a shared mount such as NFS or a
/// ReadWriteMany volume when several nodes run). A write goes to a hidden temporary file beside its target and is
/// renamed over it when complete, so no reader and no crash ever sees part of an artifact; a failed write leaves nothing.
/// </summary>
public sealed class SharedFolderStore : IArtifactStore
{
    const int BufferSize = 81920;

    public SharedFolderStore(string root)
    {
        Root = Path.GetFullPath(root);
        Directory.CreateDirectory(Root);
    }

    public string Root { get; }

    public bool IsLocal => true;

    public async Task PutAsync(string key, Stream content, CancellationToken ct = default)
    {
        string target = PathOf(key);
        string temp = TempBeside(target);
        try
        {
            await using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true))
            {
                await content.CopyToAsync(file, BufferSize, ct);
                file.Flush(flushToDisk: true);
            }
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public Task PutFileAsync(string key, string localFile, CancellationToken ct = default)
    {
        string target = PathOf(key);
        if (!File.Exists(localFile)) throw new FileNotFoundException($"there is no file {localFile} to store as '{key}'", localFile);
        string temp = TempBeside(target);
        try
        {
            // A rename on one volume; across volumes File.Move copies, so it lands on a temporary name first.
            File.Move(localFile, temp);
            File.Move(temp, target, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
        return Task.CompletedTask;
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default)
    {
        string path = PathOf(key, create: false);
        try
        {
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, BufferSize, useAsync: true));
        }
        catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task<bool> ExistsAsync(string key, CancellationToken ct = default) => Task.FromResult(File.Exists(PathOf(key, create: false)));

    public Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken ct = default)
    {
        string dir = prefix.Length == 0 ? Root : PathOf(ArtifactKey.Check(prefix), create: false);
        IReadOnlyList<string> keys = !Directory.Exists(dir) ? [] : Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(Root, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(k => ArtifactKey.Problem(k) is null) // skips temporary files and hidden folders
            .Order(StringComparer.Ordinal).ToList();
        return Task.FromResult(keys);
    }

    public Task<bool> DeleteAsync(string key, CancellationToken ct = default)
    {
        string path = PathOf(key, create: false);
        if (File.Exists(path))
        {
            File.Delete(path);
            return Task.FromResult(true);
        }
        if (!Directory.Exists(path)) return Task.FromResult(false);
        // Renamed away first, so no reader finds a half-deleted folder.
        string trash = Path.Combine(Path.GetDirectoryName(path)!, $".deleting-{Guid.NewGuid():N}");
        Directory.Move(path, trash);
        Directory.Delete(trash, recursive: true);
        return Task.FromResult(true);
    }

    public Task<string> GetLocalPathAsync(string key, CancellationToken ct = default) => Task.FromResult(PathOf(key, create: false));

    /// <summary>The absolute path of a key, checked to lie inside <see cref="Root"/>; creates its parent folder when asked.</summary>
    string PathOf(string key, bool create = true)
    {
        ArtifactKey.Check(key);
        string path = Path.GetFullPath(Path.Combine(Root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(Root.TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar, StringComparison.Ordinal))
            throw new ArgumentException($"the artifact key '{key}' leads outside the store", nameof(key));
        if (create) Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        return path;
    }

    static string TempBeside(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");

    static void TryDelete(string file)
    {
        try { File.Delete(file); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
