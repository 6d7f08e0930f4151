using AssistantBuilder.Core.Models;
using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.Hosting;

/// <summary>First-start work: migrate the database (SQLite: and switch it to WAL), and register the models found on disk.</summary>
public static class DatabaseSetup
{
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        var paths = app.Services.GetRequiredService<DataPaths>();
        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        await AppDatabase.MigrateAsync(db);
        await RegisterModelsAsync(db, paths);
    }

    /// <summary>Adds every usable model folder under the shipped roots and the data directory's models/ that is not registered yet.</summary>
    public static async Task RegisterModelsAsync(AppDbContext db, DataPaths paths)
    {
        var known = (await db.BaseModels.Select(m => m.Path).ToListAsync()).Select(paths.Resolve).ToHashSet();
        var shipped = paths.ShippedModelRoots.Select(Path.GetFullPath).ToHashSet();
        foreach (var model in LocalModels.Scan(paths.ShippedModelRoots.Append(paths.Models)).Where(m => m.Usable && !known.Contains(m.Path)))
        {
            var root = Path.GetDirectoryName(model.Path)!;
            db.BaseModels.Add(ModelRows.FromLocal(model, paths, shipped.Contains(root) ? ModelSource.Shipped : ModelSource.Pulled));
            known.Add(model.Path);
        }
        await db.SaveChangesAsync();
    }
}
