namespace AssistantBuilder.Web.Datasets;

/// <summary>An upload received into datasets/.incoming/, not imported yet; disposing deletes the file unless the import moved it.</summary>
public sealed class StagedUpload(string tempPath, string fileName, long sizeBytes) : IDisposable
{
    /// <summary>Where the bytes are, under datasets/.incoming/.</summary>
    public string TempPath { get; } = tempPath;
    /// <summary>The cleaned file name (<see cref="DatasetFileName.Clean"/>).</summary>
    public string FileName { get; } = fileName;
    public long SizeBytes { get; } = sizeBytes;

    public void Dispose()
    {
        try
        {
            File.Delete(TempPath);
            File.Delete(TempPath + ".jsonl"); // its conversion, when one was made and not stored
        }
        catch (IOException) { } // a leftover in .incoming is removed on the next start
    }
}
