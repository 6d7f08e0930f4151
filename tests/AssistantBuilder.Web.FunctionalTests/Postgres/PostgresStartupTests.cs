using AssistantBuilder.Data;
using AssistantBuilder.Testing;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary>The app on an empty PostgreSQL database: it migrates on first start; a restart keeps the data and migrates nothing again.</summary>
public sealed class PostgresStartupTests
{
    [Fact]
    public async Task The_first_start_migrates_an_empty_database_and_a_restart_keeps_its_data_without_migrating_again()
    {
        string dataDir = TempDir.Create("web-pg-restart");
        string database;
        List<string> historyAfterFirstStart;
        var created = new DateTime(2026, 1, 2, 3, 4, 5, 678, DateTimeKind.Utc).AddTicks(9); // ticks below a microsecond are dropped
        using (var first = new WebAppFactory { Provider = DatabaseProvider.Postgres, DataDir = dataDir, KeepDataDir = true })
        {
            database = first.PostgresConnection!;
            Assert.Empty(await TablesAsync(database));

            await first.SignedInClientAsync(); // starts the app, which migrates and creates the configured operator
            await using var db = first.CreateDb();
            Assert.Equal("Npgsql.EntityFrameworkCore.PostgreSQL", db.Database.ProviderName);
            Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
            Assert.Contains("Datasets", await TablesAsync(database));
            db.Datasets.Add(new Dataset { Name = "kept", Format = "openai", OriginalFileName = "a.jsonl", StoredFile = "datasets/a.jsonl", CreatedAt = created });
            await db.SaveChangesAsync();
            historyAfterFirstStart = await HistoryAsync(database);
        }

        using var second = new WebAppFactory { Provider = DatabaseProvider.Postgres, DataDir = dataDir, PostgresConnection = database };
        await second.SignedInClientAsync(); // the operator of the first start signs in
        await using var db2 = second.CreateDb();
        var kept = await db2.Datasets.SingleAsync();
        Assert.Equal("kept", kept.Name);
        Assert.Equal(DateTimeKind.Utc, kept.CreatedAt.Kind);
        Assert.Equal(created.AddTicks(-9), kept.CreatedAt);
        Assert.Equal(1, await db2.Operators.CountAsync());
        Assert.Empty(await db2.Database.GetPendingMigrationsAsync());
        Assert.Equal(historyAfterFirstStart, await HistoryAsync(database));
        Assert.NotEmpty(historyAfterFirstStart);
    }

    static async Task<List<string>> TablesAsync(string connectionString) =>
        await QueryAsync(connectionString, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");

    static async Task<List<string>> HistoryAsync(string connectionString) =>
        await QueryAsync(connectionString, "SELECT \"MigrationId\" || ' ' || \"ProductVersion\" FROM \"__EFMigrationsHistory\" ORDER BY 1");

    static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(0));
        return rows;
    }
}
