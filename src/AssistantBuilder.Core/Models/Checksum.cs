using System.Security.Cryptography;
using System.Text;

namespace AssistantBuilder.Core.Models;

public enum ChecksumKind { Sha256, GitSha1 }

/// <summary>
/// The checksum a Hub file must have. The Hub's etag of an LFS file (<c>X-Linked-Etag</c>) is the sha256 of its
/// content; that of a file stored in git (<c>ETag</c>) is its git blob id: sha1 of <c>"blob {size}\0"</c> + content.
/// </summary>
public sealed record Checksum(ChecksumKind Kind, string Hex)
{
    public string Name => Kind == ChecksumKind.Sha256 ? "sha256" : "git-sha1";

    /// <summary>The checksum an etag stands for, or null when it has neither form (then only the size is checked).</summary>
    public static Checksum? FromEtag(string etag, bool linked) => (linked, IsHex(etag, 64), IsHex(etag, 40)) switch
    {
        (_, true, _) => new Checksum(ChecksumKind.Sha256, etag.ToLowerInvariant()),
        (false, _, true) => new Checksum(ChecksumKind.GitSha1, etag.ToLowerInvariant()),
        _ => null,
    };

    /// <summary><c>W/"abc"</c> and <c>"abc"</c> become <c>abc</c>.</summary>
    public static string NormalizeEtag(string etag)
    {
        string e = etag.Trim();
        if (e.StartsWith("W/", StringComparison.OrdinalIgnoreCase)) e = e[2..];
        return e.Trim('"');
    }

    static bool IsHex(string s, int length) => s.Length == length && s.All(Uri.IsHexDigit);

    /// <summary>This kind of checksum computed over the whole file as it is on disk (a resumed prefix included).</summary>
    public string Compute(string path)
    {
        using var stream = File.OpenRead(path);
        using var hasher = IncrementalHash.CreateHash(Kind == ChecksumKind.Sha256 ? HashAlgorithmName.SHA256 : HashAlgorithmName.SHA1);
        if (Kind == ChecksumKind.GitSha1) hasher.AppendData(Encoding.ASCII.GetBytes($"blob {stream.Length}\0"));
        var buffer = new byte[1 << 20];
        int n;
        while ((n = stream.Read(buffer)) > 0) hasher.AppendData(buffer, 0, n);
        return Convert.ToHexStringLower(hasher.GetHashAndReset());
    }
}
