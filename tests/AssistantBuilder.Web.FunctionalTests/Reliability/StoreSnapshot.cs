using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.FunctionalTests.Reliability;

/// <summary>
/// What the app has stored: the row count of every table and every file under the data directory (path and size;
/// the SQLite files themselves left out). Two equal snapshots mean a request stored nothing, not even half.
/// </summary>
public sealed record StoreSnapshot(IReadOnlyDictionary<string, int> Rows, IReadOnlyList<string> Files)
{
    public static async Task<StoreSnapshot> TakeAsync(AppDbContext db, string dataDir)
    {
        var rows = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var table in db.Model.GetEntityTypes().Select(t => t.GetTableName()).OfType<string>().Distinct())
        {
            string sql = "SELECT COUNT(*) AS \"Value\" FROM \"" + table + "\""; // table names come from the model, not input
            rows[table] = await db.Database.SqlQueryRaw<int>(sql).SingleAsync();
        }
        var files = Directory.EnumerateFiles(dataDir, "*", SearchOption.AllDirectories)
            .Select(f => (Path: Path.GetRelativePath(dataDir, f), Size: new FileInfo(f).Length))
            .Where(f => !f.Path.StartsWith("assistantbuilder.db", StringComparison.Ordinal))
            .Select(f => $"{f.Path} ({f.Size} bytes)").Order(StringComparer.Ordinal).ToList();
        return new StoreSnapshot(rows, files);
    }

    /// <summary>What differs from <paramref name="before"/>, in words (empty when nothing does).</summary>
    public string DifferenceFrom(StoreSnapshot before)
    {
        var changes = Rows.Where(r => before.Rows.GetValueOrDefault(r.Key) != r.Value).Select(r => $"table {r.Key}: {before.Rows.GetValueOrDefault(r.Key)} -> {r.Value} rows").ToList();
        changes.AddRange(Files.Except(before.Files).Select(f => "new file " + f));
        changes.AddRange(before.Files.Except(Files).Select(f => "lost file " + f));
        return string.Join("; ", changes);
    }
}
