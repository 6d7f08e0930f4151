namespace AssistantBuilder.Cli.Commands;

/// <summary>
/// An exclusive lock on an output folder (<c>&lt;out&gt;/.lock</c>, opened with <see cref="FileShare.None"/>, which .NET
/// takes with flock on Linux): two trainers never write one folder. The kernel frees it when the process dies.
/// </summary>
sealed class OutputLock : IDisposable
{
    public const string FileName = ".lock";
    readonly FileStream _file;

    OutputLock(FileStream file) => _file = file;

    public static OutputLock Acquire(string directory)
    {
        Directory.CreateDirectory(directory);
        string path = Path.Combine(directory, FileName);
        try { return new OutputLock(new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None)); }
        catch (IOException) { throw new UserError($"another trainer is writing {Path.GetFullPath(directory)} (it holds {path})"); }
    }

    public void Dispose() => _file.Dispose();
}
