namespace AssistantBuilder.Web.E2ETests;

/// <summary>Where screenshots go: artifacts/e2e/ under the repository root (found by walking up to AssistantBuilder.sln).</summary>
public static class Artifacts
{
    public static string E2EFolder { get; } = Create();

    static string Create()
    {
        string root = AppContext.BaseDirectory;
        for (var dir = new DirectoryInfo(root); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "AssistantBuilder.sln"))) { root = dir.FullName; break; }
        string folder = Path.Combine(root, "artifacts", "e2e");
        Directory.CreateDirectory(folder);
        return folder;
    }
}
