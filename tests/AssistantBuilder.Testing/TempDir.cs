namespace AssistantBuilder.Testing;

public static class TempDir
{
    public static string Create(string prefix)
    {
        string dir = Path.Combine(Path.GetTempPath(), "ab-tests", $"{prefix}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dir);
        return dir;
    }

    public static void Delete(string dir)
    {
        try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
