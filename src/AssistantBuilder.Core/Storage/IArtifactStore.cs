namespace AssistantBuilder.Core.Storage;

/// <summary>
/// Where datasets, checkpoints and adapters live so that every node (web nodes, training workers) sees the same
/// ones. Keys are relative, '/'-separated paths such as <c>datasets/&lt;id&gt;/chats.jsonl</c> (see <see cref="ArtifactKey"/>);
/// a key's "folder" is just its prefix, so an object store (S3, Azure Blob, GCS) can implement this as it stands.
/// Writes are atomic: a reader sees the previous artifact or the whole new one, never part of one.
/// </summary>
public interface IArtifactStore
{
    /// <summary>Stores <paramref name="content"/> under <paramref name="key"/>, replacing what was there once it is all written.</summary>
    /// <exception cref="ArgumentException">The key is not a valid artifact key.</exception>
    Task PutAsync(string key, Stream content, CancellationToken ct = default);

    /// <summary>Stores a local file under <paramref name="key"/> and removes the local file (a rename when both are on one volume).</summary>
    Task PutFileAsync(string key, string localFile, CancellationToken ct = default);

    /// <summary>The artifact's bytes, or null when there is none under <paramref name="key"/>.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken ct = default);

    Task<bool> ExistsAsync(string key, CancellationToken ct = default);

    /// <summary>Every artifact key under <paramref name="prefix"/> (a folder-like key; empty for all), sorted.</summary>
    Task<IReadOnlyList<string>> ListAsync(string prefix, CancellationToken ct = default);

    /// <summary>Deletes the artifact <paramref name="key"/> or everything under it; false when there was nothing.</summary>
    Task<bool> DeleteAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// A local path for tools that work on files and folders (the trainer, the serving engine): the shared folder's
    /// own path; an object store would download the key's artifacts to a local cache first.
    /// </summary>
    Task<string> GetLocalPathAsync(string key, CancellationToken ct = default);

    /// <summary>
    /// True when <see cref="GetLocalPathAsync"/> returns the store's own files (a local or mounted folder), so a tool
    /// may write there in place; false for a store reached over the network, whose tools work on a local copy and
    /// store their results with <see cref="PutAsync"/>.
    /// </summary>
    bool IsLocal { get; }
}
