namespace AssistantBuilder.Core.Models;

/// <summary>How to pull one repository: which revision, where to, and how hard to try.</summary>
public sealed record PullOptions
{
    public string Revision { get; init; } = "main";

    /// <summary>The finished model folder. Files are gathered in <c>{OutDir}.partial/</c> and moved here once all are verified.</summary>
    public required string OutDir { get; init; }

    /// <summary>Attempts per file; each one after the first resumes with a Range request.</summary>
    public int MaxAttempts { get; init; } = 5;

    /// <summary>Wait before the second attempt, doubling after each (at most 8 s).</summary>
    public TimeSpan RetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>A transfer that sends nothing for this long is dropped and resumed.</summary>
    public TimeSpan ReadIdleTimeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The folder where a pull into <paramref name="outDir"/> keeps its files until they are all complete.</summary>
    public static string PartialDirFor(string outDir) => Path.TrimEndingDirectorySeparator(Path.GetFullPath(outDir)) + ".partial";

    /// <summary>The default folder name for a repository: <c>org/name</c> becomes <c>org--name</c>.</summary>
    public static string FolderName(string repoId) => repoId.Replace("/", "--");
}
