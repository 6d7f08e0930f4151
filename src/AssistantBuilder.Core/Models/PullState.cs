using System.Text.Json;

namespace AssistantBuilder.Core.Models;

/// <summary>
/// <c>.pull.json</c> in the partial folder: the repository and, for each file there (complete or
/// <c>.incomplete</c>), the etag it was fetched against. A later pull keeps a file only while its etag still
/// matches, so a resumed download never splices two versions of a file together.
/// </summary>
sealed class PullState
{
    const string FileName = ".pull.json";
    readonly string _path;

    public string Repo { get; set; } = "";
    public Dictionary<string, string> Etags { get; set; } = [];

    PullState(string path) => _path = path;

    public static PullState Load(string partialDir, string repo)
    {
        var state = new PullState(Path.Combine(partialDir, FileName)) { Repo = repo };
        if (!File.Exists(state._path)) return state;
        try
        {
            var saved = JsonSerializer.Deserialize<Saved>(File.ReadAllText(state._path));
            if (saved?.Repo == repo && saved.Etags is not null) state.Etags = saved.Etags;
        }
        catch (JsonException) { } // unreadable: start over, files are checked against their etags anyway
        return state;
    }

    /// <summary>Forgets (and deletes) what was fetched of <paramref name="file"/> unless it was against <paramref name="etag"/>.</summary>
    public void Expect(string partialDir, string file, string etag)
    {
        if (Etags.TryGetValue(file, out var known) && known == etag) return;
        File.Delete(Path.Combine(partialDir, file));
        File.Delete(Path.Combine(partialDir, file + FileDownloader.IncompleteSuffix));
        Etags[file] = etag;
        Save();
    }

    public void Save()
    {
        string tmp = _path + ".tmp";
        File.WriteAllText(tmp, JsonSerializer.Serialize(new Saved(Repo, Etags)));
        File.Move(tmp, _path, overwrite: true);
    }

    public void Delete() => File.Delete(_path);

    sealed record Saved(string Repo, Dictionary<string, string>? Etags);
}
