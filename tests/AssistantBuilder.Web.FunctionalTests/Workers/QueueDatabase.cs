using AssistantBuilder.Data;
using AssistantBuilder.Testing;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.FunctionalTests.Workers;

/// <summary>A migrated database (SQLite in a temporary folder, or a fresh PostgreSQL database), with a base model and a dataset for jobs to point at.</summary>
sealed class QueueDatabase : IDisposable
{
    readonly string _dir = TempDir.Create("queue-db");

    public IDbContextFactory<AppDbContext> Factory { get; }
    Guid _model, _dataset;

    readonly string? _postgres;

    QueueDatabase(DatabaseProvider provider)
    {
        _postgres = provider == DatabaseProvider.Postgres ? PostgresServer.Shared.CreateDatabase() : null;
        Factory = new SharedDbContextFactory(_postgres is null ? DatabaseOptions.SqliteFile(Path.Combine(_dir, "assistantbuilder.db")) : DatabaseOptions.Postgres(_postgres));
    }

    public static async Task<QueueDatabase> CreateAsync(DatabaseProvider provider = DatabaseProvider.Sqlite)
    {
        var db = new QueueDatabase(provider);
        await AppDatabase.MigrateAsync(db.Factory);
        await using var context = await db.Factory.CreateDbContextAsync();
        var model = new BaseModel { Name = "m", Path = "/nowhere/m", Architecture = "LlamaForCausalLM", ContextLength = 256 };
        var dataset = new Dataset { Name = "d", Format = "openai", OriginalFileName = "d.jsonl", StoredFile = "datasets/d.jsonl", Conversations = 2 };
        context.AddRange(model, dataset);
        await context.SaveChangesAsync();
        (db._model, db._dataset) = (model.Id, dataset.Id);
        return db;
    }

    /// <summary>Registers another base model (no folder: its config is not read) of <paramref name="parameters"/>.</summary>
    public async Task<Guid> AddModelAsync(long parameters)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var model = new BaseModel { Name = $"m{parameters}", Path = $"/nowhere/m{parameters}", Architecture = "LlamaForCausalLM", ContextLength = 2048, Parameters = parameters };
        db.BaseModels.Add(model);
        await db.SaveChangesAsync();
        return model.Id;
    }

    /// <summary>Queues jobs for <paramref name="device"/>, one second apart in creation time (oldest first).</summary>
    public async Task<List<Guid>> QueueAsync(int count, string device = "cpu", Guid? modelId = null)
    {
        await using var db = await Factory.CreateDbContextAsync();
        var start = DateTime.UtcNow;
        var jobs = Enumerable.Range(0, count).Select(i => new TrainingJob
        {
            Name = $"job {i}", BaseModelId = modelId ?? _model, DatasetId = _dataset, Device = device, OutputDir = $"jobs/{Guid.NewGuid():N}", CreatedAt = start.AddSeconds(i),
        }).ToList();
        db.TrainingJobs.AddRange(jobs);
        await db.SaveChangesAsync();
        return jobs.Select(j => j.Id).ToList();
    }

    public async Task<TrainingJob> JobAsync(Guid id)
    {
        await using var db = await Factory.CreateDbContextAsync();
        return await db.TrainingJobs.AsNoTracking().FirstAsync(j => j.Id == id);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_postgres is not null) PostgresServer.Shared.DropDatabase(_postgres);
        TempDir.Delete(_dir);
    }
}
