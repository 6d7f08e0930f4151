using AssistantBuilder.Data;
using AssistantBuilder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.BaseModels;

/// <summary>
/// Starts model uploads. Files are gathered in a hidden staging folder under the data directory's models/ (which
/// model scans skip), checked there, and moved to <c>models/&lt;name&gt;</c> only once the model is usable;
/// a failed or abandoned upload leaves nothing behind. <c>Uploads:MaxModelBytes</c> (default 4 GB) bounds an upload.
/// </summary>
public sealed class ModelUploader(IDbContextFactory<AppDbContext> dbs, DataPaths paths, ModelFolderLock folderLock, IConfiguration configuration,
    ILogger<ModelUploader> log)
{
    public const long DefaultMaxBytes = 4L * 1024 * 1024 * 1024;
    internal const string StagingPrefix = ".upload-";

    public long MaxBytes => configuration.GetValue<long?>("Uploads:MaxModelBytes") is long max and > 0 ? max : DefaultMaxBytes;

    public ModelUpload Begin()
    {
        RemoveAbandonedStaging();
        string staging = Path.Combine(paths.Models, $"{StagingPrefix}{Guid.NewGuid():N}");
        Directory.CreateDirectory(staging);
        return new ModelUpload(staging, MaxBytes, (name, dir, ct) => RegisterAsync(name, dir, ct));
    }

    // The last step of a good upload: move the checked folder to models/<name> and insert its row, both or neither.
    async Task<ModelSummary> RegisterAsync(string name, string checkedDir, CancellationToken ct)
    {
        using var _ = await folderLock.EnterAsync(ct);
        string target = Path.Combine(paths.Models, name);
        await using var db = await dbs.CreateDbContextAsync(ct);
        string stored = paths.ToStored(target);
        var names = await db.BaseModels.Select(m => new { m.Name, m.Path }).ToListAsync(ct);
        if (Directory.Exists(target) || File.Exists(target) || names.Any(m => m.Path == stored || string.Equals(m.Name, name, StringComparison.OrdinalIgnoreCase)))
            throw new ModelRequestException(StatusCodes.Status409Conflict, $"A model named '{name}' already exists; choose another name.");
        Directory.Move(checkedDir, target);
        try
        {
            var local = Core.Models.LocalModels.Inspect(target);
            var row = ModelRows.FromLocal(local with { Name = name }, paths, ModelSource.Uploaded);
            db.BaseModels.Add(row);
            await db.SaveChangesAsync(CancellationToken.None);
            log.LogInformation("Uploaded model {Name} registered ({Parameters} parameters)", name, row.Parameters);
            return ModelSummary.From(row);
        }
        catch
        {
            Directory.Delete(target, recursive: true);
            throw;
        }
    }

    // Staging folders of uploads cut off by a crash; an upload that runs for a day is not expected.
    void RemoveAbandonedStaging()
    {
        foreach (var dir in Directory.EnumerateDirectories(paths.Models, StagingPrefix + "*"))
            if (Directory.GetLastWriteTimeUtc(dir) < DateTime.UtcNow.AddDays(-1))
                try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
