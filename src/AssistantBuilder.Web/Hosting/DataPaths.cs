namespace AssistantBuilder.Web.Hosting;

/// <summary>
/// Where runtime state lives: one data directory (database, uploads, adapters, checkpoints, logs), set by
/// <c>AB_DATA_DIR</c>, <c>--data-dir</c> or the <c>DataDir</c> setting, else the repository's <c>data/</c>.
/// Shipped models and sample datasets (the repository's or the image's <c>data/models</c> and <c>data/samples</c>)
/// are always found too.
/// </summary>
public sealed class DataPaths
{
    public DataPaths(string root, IEnumerable<string> shippedModelRoots, IEnumerable<string>? sampleRoots = null)
    {
        Root = Path.GetFullPath(root);
        ShippedModelRoots = shippedModelRoots.Select(Path.GetFullPath).Distinct().Where(Directory.Exists).ToList();
        SampleRoots = (sampleRoots ?? []).Select(Path.GetFullPath).Distinct().Where(Directory.Exists).ToList();
        foreach (var dir in new[] { Root, Datasets, Models, Jobs }) Directory.CreateDirectory(dir);
    }

    public string Root { get; }
    public string Database => Path.Combine(Root, "assistantbuilder.db");
    public string Datasets => Path.Combine(Root, "datasets");
    public string Models => Path.Combine(Root, "models");
    public string Jobs => Path.Combine(Root, "jobs");
    public IReadOnlyList<string> ShippedModelRoots { get; }
    /// <summary>Folders holding the shipped sample datasets (one sub-folder per sample, each with a train.* file).</summary>
    public IReadOnlyList<string> SampleRoots { get; }

    /// <summary>An absolute path for a path stored relative to the data directory (absolute paths pass through).</summary>
    public string Resolve(string stored) => Path.GetFullPath(Path.Combine(Root, stored));

    /// <summary>The form to store: relative to the data directory when inside it, so the folder can be moved.</summary>
    public string ToStored(string absolute)
    {
        var relative = Path.GetRelativePath(Root, absolute);
        return relative.StartsWith("..", StringComparison.Ordinal) || Path.IsPathRooted(relative) ? absolute : relative;
    }

    public static DataPaths FromConfiguration(IConfiguration configuration, string contentRoot)
    {
        var repository = FindRepositoryRoot(contentRoot) ?? FindRepositoryRoot(AppContext.BaseDirectory);
        var configured = Environment.GetEnvironmentVariable("AB_DATA_DIR") is { Length: > 0 } env ? env : configuration["DataDir"];
        var root = configured is { Length: > 0 } ? configured : Path.Combine(repository ?? contentRoot, "data");
        var shipped = new List<string> { Path.Combine(AppContext.BaseDirectory, "data", "models") };
        if (repository is not null) shipped.Add(Path.Combine(repository, "data", "models"));
        if (configuration["ShippedModelsDir"] is { Length: > 0 } extra) shipped.Add(extra);
        var samples = new List<string> { Path.Combine(AppContext.BaseDirectory, "data", "samples") };
        if (repository is not null) samples.Add(Path.Combine(repository, "data", "samples"));
        if (configuration["SamplesDir"] is { Length: > 0 } extraSamples) samples.Add(extraSamples);
        return new DataPaths(root, shipped, samples);
    }

    static string? FindRepositoryRoot(string start)
    {
        for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AssistantBuilder.sln"))) return dir.FullName;
        return null;
    }
}
