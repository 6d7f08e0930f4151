using System.Text;
using AssistantBuilder.Core.Datasets;

namespace AssistantBuilder.Core.Tests.Datasets;

/// <summary>A temporary directory for the files of one test, deleted afterwards.</summary>
public sealed class TempDir : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public TempDir() => Path = Directory.CreateTempSubdirectory("ab-datasets-").FullName;

    public string Path { get; }

    public string Write(string name, string text) => WriteBytes(name, Utf8NoBom.GetBytes(text));

    public string WriteBytes(string name, byte[] bytes)
    {
        string path = System.IO.Path.Combine(Path, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    /// <summary>Writes <paramref name="lines"/> joined with \n to <paramref name="name"/> and imports it.</summary>
    public ImportResult Import(string name, IEnumerable<string> lines, ImportOptions? options = null) =>
        DatasetImporter.Import(Write(name, string.Join('\n', lines) + "\n"), options ?? new ImportOptions());

    public ImportResult Import(string name, string text, ImportOptions? options = null) =>
        DatasetImporter.Import(Write(name, text), options ?? new ImportOptions());

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
