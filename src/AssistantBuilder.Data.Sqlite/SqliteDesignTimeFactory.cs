using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AssistantBuilder.Data.Sqlite;

/// <summary>For <c>dotnet ef</c> with this project as startup project: an AppDbContext on SQLite whose migrations live here.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        AppDatabase.Configure(builder, DatabaseOptions.SqliteFile("design-time.db"));
        return new AppDbContext(builder.Options);
    }
}
