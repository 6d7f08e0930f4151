namespace AssistantBuilder.Core.Storage;

/// <summary>
/// Folders of artifacts (a model, a checkpoint, an adapter) moved between a local folder and an <see cref="IArtifactStore"/>,
/// file by file, each file atomically.
/// </summary>
public static class ArtifactFolders
{
    /// <summary>
    /// Stores the files of <paramref name="localFolder"/> named by <paramref name="relativeFiles"/> ('/'-separated) under
    /// <paramref name="prefix"/>, in the given order (put a marker that says "complete" last). Returns false, having
    /// stored only the files before it, when one of them is gone meanwhile (e.g. a trainer deleted an old checkpoint).
    /// </summary>
    public static async Task<bool> PutFilesAsync(this IArtifactStore store, string prefix, string localFolder,
        IEnumerable<string> relativeFiles, CancellationToken ct = default)
    {
        foreach (var relative in relativeFiles)
        {
            FileStream file;
            try { file = new FileStream(Path.Combine(localFolder, relative), FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 81920, useAsync: true); }
            catch (Exception e) when (e is FileNotFoundException or DirectoryNotFoundException) { return false; }
            await using (file) await store.PutAsync($"{prefix}/{relative}", file, ct);
        }
        return true;
    }

    /// <summary>The files under <paramref name="localFolder"/> as '/'-separated relative paths, sorted, without hidden ones (a trainer's .lock, temporaries).</summary>
    public static IReadOnlyList<string> FilesIn(string localFolder) => !Directory.Exists(localFolder) ? [] :
        Directory.EnumerateFiles(localFolder, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(localFolder, f).Replace(Path.DirectorySeparatorChar, '/'))
            .Where(f => !f.Split('/').Any(segment => segment.StartsWith('.')))
            .Order(StringComparer.Ordinal).ToList();

    /// <summary>Copies the artifacts under <paramref name="prefix"/> that <paramref name="include"/> accepts (given their key relative to the prefix) into <paramref name="localFolder"/>.</summary>
    public static async Task<int> GetFilesAsync(this IArtifactStore store, string prefix, string localFolder, Func<string, bool> include, CancellationToken ct = default)
    {
        int copied = 0;
        foreach (var key in await store.ListAsync(prefix, ct))
        {
            string relative = key[(prefix.Length + 1)..];
            if (!include(relative)) continue;
            await using var source = await store.OpenReadAsync(key, ct);
            if (source is null) continue; // deleted meanwhile
            string target = Path.Combine(localFolder, relative.Replace('/', Path.DirectorySeparatorChar));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await using var file = new FileStream(target, FileMode.Create, FileAccess.Write, FileShare.None, 81920, useAsync: true);
            await source.CopyToAsync(file, ct);
            copied++;
        }
        return copied;
    }

    /// <summary>
    /// A local path for a path as the database stores it: absolute ones (a model shipped with the app, a folder outside
    /// the store) pass through; relative ones are artifact keys, resolved by the store.
    /// </summary>
    public static Task<string> LocalPathOfAsync(this IArtifactStore store, string stored, CancellationToken ct = default) =>
        Path.IsPathRooted(stored) ? Task.FromResult(stored) : store.GetLocalPathAsync(KeyOf(stored), ct);

    /// <summary>Opens a file inside a stored folder (e.g. a model's config.json), or null when there is none.</summary>
    public static Task<Stream?> OpenFileAsync(this IArtifactStore store, string storedFolder, string file, CancellationToken ct = default)
    {
        if (!Path.IsPathRooted(storedFolder)) return store.OpenReadAsync($"{KeyOf(storedFolder)}/{file}", ct);
        string path = Path.Combine(storedFolder, file);
        return Task.FromResult<Stream?>(File.Exists(path) ? File.OpenRead(path) : null);
    }

    /// <summary>The artifact key of a relative path as the database stores it (written with the OS's separator).</summary>
    public static string KeyOf(string stored) => stored.Replace('\\', '/').TrimEnd('/');
}
