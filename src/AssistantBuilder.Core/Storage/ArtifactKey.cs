namespace AssistantBuilder.Core.Storage;

/// <summary>
/// The rules for artifact keys: relative '/'-separated paths of at most <see cref="MaxLength"/> characters whose
/// segments are neither empty, <c>.</c> nor <c>..</c>, do not start with a dot (reserved for a store's temporary files)
/// and hold no backslash, colon or control character. So no key can leave the store's root, on any platform.
/// </summary>
public static class ArtifactKey
{
    public const int MaxLength = 1024;

    /// <summary>Why <paramref name="key"/> is not a valid key, or null when it is.</summary>
    public static string? Problem(string? key, bool allowEmpty = false)
    {
        if (string.IsNullOrEmpty(key)) return allowEmpty ? null : "the artifact key is empty";
        if (key.Length > MaxLength) return $"the artifact key is {key.Length} characters long; the limit is {MaxLength}";
        if (key.StartsWith('/')) return $"the artifact key '{Printable(key)}' is absolute; keys are relative paths such as datasets/1/chats.jsonl";
        foreach (var segment in key.Split('/'))
        {
            string? problem = segment switch
            {
                "" => "has an empty segment ('//' or a trailing '/')",
                "." or ".." => $"has a '{segment}' segment, which would leave its folder",
                _ when segment.StartsWith('.') => $"has a segment starting with a dot ('{Printable(segment)}'), reserved for temporary files",
                _ when segment.Any(c => char.IsControl(c) || c is '\\' or ':') => "has a backslash, colon or control character",
                _ => null,
            };
            if (problem is not null) return $"the artifact key '{Printable(key)}' {problem}";
        }
        return null;
    }

    /// <summary>Returns <paramref name="key"/> when valid.</summary>
    /// <exception cref="ArgumentException">It is not, with the reason.</exception>
    public static string Check(string? key, bool allowEmpty = false) =>
        Problem(key, allowEmpty) is { } problem ? throw new ArgumentException(problem, nameof(key)) : key ?? "";

    static string Printable(string text) => new(text.Select(c => char.IsControl(c) ? '?' : c).ToArray());
}
