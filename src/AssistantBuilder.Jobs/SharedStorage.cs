namespace AssistantBuilder.Jobs;

/// <summary>
/// The storage every node sees (a shared folder: the data directory, mounted at the same or another path on each
/// node). Paths in the database are relative to its root, so each node resolves them against its own mount.
/// </summary>
public sealed class SharedStorage(string root)
{
    public string Root { get; } = Path.GetFullPath(root);

    /// <summary>An absolute path for a stored one (absolute paths pass through).</summary>
    public string Resolve(string stored) => Path.GetFullPath(Path.Combine(Root, stored));
}
