using System.CommandLine;

namespace AssistantBuilder.Cli.Commands;

/// <summary>The data directory: <c>--data-dir</c>, else <c>AB_DATA_DIR</c>, else <c>data/</c> in the current directory.</summary>
static class DataDirectory
{
    public static Option<string?> Option() => new("--data-dir") { Description = "Data directory (default: $AB_DATA_DIR, else data/); models live in its models/ folder." };

    public static string Resolve(string? option) =>
        !string.IsNullOrWhiteSpace(option) ? option
        : Environment.GetEnvironmentVariable("AB_DATA_DIR") is { Length: > 0 } env ? env
        : "data";

    /// <summary>The models folders to look in: the data directory's, and data/models in the current directory and the repository root.</summary>
    public static IEnumerable<string> ModelRoots(string? option)
    {
        yield return Path.Combine(Resolve(option), "models");
        yield return Path.Combine("data", "models");
        if (RepositoryRoot() is string root) yield return Path.Combine(root, "data", "models");
    }

    /// <summary>The nearest folder at or above the current directory that holds AssistantBuilder.sln.</summary>
    static string? RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AssistantBuilder.sln"))) return dir.FullName;
        return null;
    }
}
