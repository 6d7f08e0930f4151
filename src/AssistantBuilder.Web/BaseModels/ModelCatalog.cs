using System.Text.Json;
using AssistantBuilder.Core.Models;
using AssistantBuilder.Engine.Checkpoints;
using AssistantBuilder.Engine.Modeling;
using AssistantBuilder.Data;
using AssistantBuilder.Web.Hosting;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.BaseModels;

/// <summary>The registered base models: list, details read from disk, rescan of the models folders, delete.</summary>
public sealed class ModelCatalog(IDbContextFactory<AppDbContext> dbs, DataPaths paths, ModelFolderLock folderLock)
{
    public async Task<IReadOnlyList<ModelSummary>> ListAsync(CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var rows = await db.BaseModels.AsNoTracking().ToListAsync(ct);
        return rows.OrderBy(m => m.Source).ThenBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Select(ModelSummary.From).ToList();
    }

    public async Task<ModelDetails> GetAsync(Guid id, CancellationToken ct = default)
    {
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.BaseModels.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw ModelRequestException.NotFound(id);
        return Describe(row);
    }

    ModelDetails Describe(BaseModel row)
    {
        string dir = paths.Resolve(row.Path);
        bool deletable = row.Source != ModelSource.Shipped;
        if (!Directory.Exists(dir))
            return new ModelDetails(ModelSummary.From(row), false, $"the folder {dir} is gone", null, [], 0, false, null, deletable);
        var local = LocalModels.Inspect(dir);
        var files = Directory.EnumerateFiles(dir, "*", SearchOption.AllDirectories)
            .Select(f => new ModelFileInfo(Path.GetRelativePath(dir, f).Replace('\\', '/'), new FileInfo(f).Length))
            .OrderBy(f => f.Name, StringComparer.Ordinal).ToList();
        return new ModelDetails(ModelSummary.From(row), true, local.Problem, Shape(dir), files, files.Sum(f => f.Bytes), local.ChatTemplate,
            GenerationConfig(dir), deletable);
    }

    static ModelShape? Shape(string dir)
    {
        try
        {
            var c = ModelConfig.FromFile(Path.Combine(dir, ModelFiles.Config));
            return new ModelShape(c.HiddenSize, c.IntermediateSize, c.NumHiddenLayers, c.NumAttentionHeads, c.NumKeyValueHeads, c.HeadDim,
                c.VocabSize, c.MaxPositionEmbeddings, c.RopeTheta, c.TieWordEmbeddings, c.TorchDtype);
        }
        catch (CheckpointException) { return null; }
    }

    static IReadOnlyDictionary<string, JsonElement>? GenerationConfig(string dir)
    {
        string path = Path.Combine(dir, "generation_config.json");
        if (!File.Exists(path)) return null;
        try
        {
            using var doc = JsonDocument.Parse(File.ReadAllText(path));
            return doc.RootElement.ValueKind == JsonValueKind.Object
                ? doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone())
                : null;
        }
        catch (JsonException) { return null; }
    }

    /// <summary>Registers model folders that appeared since the last scan (e.g. by <c>ab models pull</c>); returns the new rows.</summary>
    public async Task<IReadOnlyList<ModelSummary>> RescanAsync(CancellationToken ct = default)
    {
        using var _ = await folderLock.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var before = (await db.BaseModels.Select(m => m.Id).ToListAsync(ct)).ToHashSet();
        await DatabaseSetup.RegisterModelsAsync(db, paths);
        var added = await db.BaseModels.AsNoTracking().ToListAsync(ct);
        return added.Where(m => !before.Contains(m.Id)).OrderBy(m => m.Name, StringComparer.OrdinalIgnoreCase).Select(ModelSummary.From).ToList();
    }

    /// <summary>
    /// Deletes a pulled or uploaded model: its row, and its folder when that lies in the data directory's models/.
    /// Shipped models, and models an assistant or a training job uses, are refused with a message naming why.
    /// </summary>
    public async Task DeleteAsync(Guid id, CancellationToken ct = default)
    {
        using var _ = await folderLock.EnterAsync(ct);
        await using var db = await dbs.CreateDbContextAsync(ct);
        var row = await db.BaseModels.FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw ModelRequestException.NotFound(id);
        if (row.Source == ModelSource.Shipped)
            throw new ModelRequestException(StatusCodes.Status409Conflict, $"'{row.Name}' is shipped with the app and cannot be deleted.");
        var assistants = await db.Assistants.Where(a => a.BaseModelId == id).Select(a => a.Name).ToListAsync(ct);
        var jobs = await db.TrainingJobs.Where(j => j.BaseModelId == id).Select(j => j.Name).ToListAsync(ct);
        if (assistants.Count + jobs.Count > 0)
        {
            var users = new List<string>();
            if (assistants.Count > 0) users.Add($"assistant{(assistants.Count > 1 ? "s" : "")} {Quote(assistants)}");
            if (jobs.Count > 0) users.Add($"training job{(jobs.Count > 1 ? "s" : "")} {Quote(jobs)}");
            throw new ModelRequestException(StatusCodes.Status409Conflict,
                $"'{row.Name}' is in use by {string.Join(" and ", users)}; delete or change those first.");
        }

        string dir = paths.Resolve(row.Path);
        bool owned = IsInside(paths.Models, dir) && Directory.Exists(dir);
        string trash = Path.Combine(paths.Models, $".deleting-{Guid.NewGuid():N}");
        if (owned) Directory.Move(dir, trash);
        try
        {
            db.BaseModels.Remove(row);
            await db.SaveChangesAsync(ct);
        }
        catch
        {
            if (owned) Directory.Move(trash, dir);
            throw;
        }
        if (owned) Directory.Delete(trash, recursive: true);
    }

    static string Quote(List<string> names) => string.Join(", ", names.Order(StringComparer.OrdinalIgnoreCase).Select(n => $"'{n}'"));

    internal static bool IsInside(string root, string path)
    {
        string r = Path.TrimEndingDirectorySeparator(Path.GetFullPath(root)) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(r, StringComparison.Ordinal);
    }
}
