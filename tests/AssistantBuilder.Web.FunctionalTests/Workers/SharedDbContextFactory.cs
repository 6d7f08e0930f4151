using AssistantBuilder.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantBuilder.Web.FunctionalTests.Workers;

/// <summary>Contexts on a database the test opens itself (the one the app processes and workers share; SQLite, or PostgreSQL for the queue tests).</summary>
sealed class SharedDbContextFactory(DatabaseOptions options) : IDbContextFactory<AppDbContext>
{
    public static SharedDbContextFactory ForDataDir(string dataDir) => new(DatabaseOptions.SqliteFile(Path.Combine(dataDir, "assistantbuilder.db")));

    public AppDbContext CreateDbContext()
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        AppDatabase.Configure(builder, options);
        return new AppDbContext(builder.Options);
    }
}
