using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AssistantBuilder.Data.Postgres;

/// <summary>
/// For <c>dotnet ef</c> with this project as startup project: an AppDbContext on PostgreSQL whose migrations live here.
/// Adding a migration needs no server; <c>dotnet ef database update</c> uses <c>ConnectionStrings__Postgres</c> when set.
/// </summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args)
    {
        var connection = Environment.GetEnvironmentVariable("ConnectionStrings__Postgres") is { Length: > 0 } cs ? cs : "Host=localhost;Database=assistantbuilder";
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        AppDatabase.Configure(builder, DatabaseOptions.Postgres(connection));
        return new AppDbContext(builder.Options);
    }
}
