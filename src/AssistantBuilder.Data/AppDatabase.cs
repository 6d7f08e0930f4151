using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantBuilder.Data;

/// <summary>
/// The one way to open the app's database, for the web app and the ab CLI alike: <see cref="AddAppDatabase"/>
/// registers an <see cref="IDbContextFactory{AppDbContext}"/> for the configured provider, <see cref="MigrateAsync"/>
/// brings the schema up to date. Each provider has its own migrations assembly, which the app must reference.
/// </summary>
public static class AppDatabase
{
    public const string SqliteMigrationsAssembly = "AssistantBuilder.Data.Sqlite";
    public const string PostgresMigrationsAssembly = "AssistantBuilder.Data.Postgres";

    public static DbContextOptionsBuilder Configure(DbContextOptionsBuilder builder, DatabaseOptions options) => options.Provider switch
    {
        DatabaseProvider.Sqlite => builder.UseSqlite(options.ConnectionString, o => o.MigrationsAssembly(SqliteMigrationsAssembly)),
        DatabaseProvider.Postgres => builder.UseNpgsql(options.ConnectionString, o => o.MigrationsAssembly(PostgresMigrationsAssembly)),
        _ => throw new NotSupportedException($"Database provider {options.Provider} is not supported."),
    };

    /// <summary>Registers <paramref name="options"/> and a plain (unpooled) <see cref="IDbContextFactory{AppDbContext}"/> on them.</summary>
    public static IServiceCollection AddAppDatabase(this IServiceCollection services, DatabaseOptions options)
    {
        services.AddSingleton(options);
        services.AddDbContextFactory<AppDbContext>(b => Configure(b, options));
        return services;
    }

    /// <summary>Applies pending migrations (EF holds a database-wide lock meanwhile, so nodes starting together take turns) and, on SQLite, switches to WAL.</summary>
    public static async Task MigrateAsync(AppDbContext db, CancellationToken ct = default)
    {
        await db.Database.MigrateAsync(ct);
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", ct);
    }

    /// <summary>Opens a context from <paramref name="factory"/> and migrates it.</summary>
    public static async Task MigrateAsync(IDbContextFactory<AppDbContext> factory, CancellationToken ct = default)
    {
        await using var db = await factory.CreateDbContextAsync(ct);
        await MigrateAsync(db, ct);
    }
}
