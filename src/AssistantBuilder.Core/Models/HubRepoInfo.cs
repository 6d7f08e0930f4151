namespace AssistantBuilder.Core.Models;

/// <summary>A model repository at one revision: the commit it resolved to and its files.</summary>
public sealed record HubRepoInfo(string RepoId, string Revision, string Commit, IReadOnlyList<HubRepoFile> Files)
{
    public HubRepoFile? Find(string name) => Files.FirstOrDefault(f => f.Name == name);
}

/// <summary>One entry of the API's <c>siblings</c>: its path, and with <c>blobs=true</c> its size and LFS sha256.</summary>
public sealed record HubRepoFile(string Name, long? Size = null, string? LfsSha256 = null);

/// <summary>What a HEAD on <c>resolve/</c> says of one file: where to GET it, its etag, size and expected checksum.</summary>
public sealed record HubFileMetadata(Uri DownloadUrl, string Etag, long? Size, string? Commit, Checksum? Expected);
