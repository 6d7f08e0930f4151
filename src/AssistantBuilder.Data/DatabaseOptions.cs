using Microsoft.Extensions.Configuration;

namespace AssistantBuilder.Data;

/// <summary>
/// Which database the app uses and how to reach it. From configuration: <c>Database:Provider</c> (<c>sqlite</c>, the
/// default, or <c>postgres</c>) and <c>ConnectionStrings:Postgres</c>; a Postgres connection string alone selects
/// PostgreSQL. SQLite uses the data directory's database file.
/// </summary>
public sealed record DatabaseOptions(DatabaseProvider Provider, string ConnectionString)
{
    public const string ProviderKey = "Database:Provider";
    public const string PostgresKey = "ConnectionStrings:Postgres";

    /// <summary>SQLite on one file (pooled connections; WAL mode is switched on by <see cref="AppDatabase.MigrateAsync"/>).</summary>
    public static DatabaseOptions SqliteFile(string path) => new(DatabaseProvider.Sqlite, $"Data Source={path};Pooling=True");

    public static DatabaseOptions Postgres(string connectionString) => new(DatabaseProvider.Postgres, connectionString);

    /// <summary>Reads <see cref="ProviderKey"/> and <see cref="PostgresKey"/>; <paramref name="sqliteFile"/> is the SQLite database used by default.</summary>
    /// <exception cref="InvalidOperationException">An unknown provider, or PostgreSQL without a connection string.</exception>
    public static DatabaseOptions FromConfiguration(IConfiguration configuration, string sqliteFile)
    {
        string? postgres = configuration[PostgresKey] is { Length: > 0 } cs ? cs : null;
        string? provider = configuration[ProviderKey]?.Trim();
        var chosen = provider is { Length: > 0 } ? Parse(provider) : postgres is null ? DatabaseProvider.Sqlite : DatabaseProvider.Postgres;
        return chosen switch
        {
            DatabaseProvider.Postgres when postgres is null => throw new InvalidOperationException(
                $"{ProviderKey} is '{provider}' but {PostgresKey} is not set: give the PostgreSQL connection string " +
                "(e.g. ConnectionStrings__Postgres=\"Host=localhost;Database=assistantbuilder;Username=ab;Password=...\")."),
            DatabaseProvider.Postgres => Postgres(postgres!),
            _ => SqliteFile(sqliteFile),
        };
    }

    static DatabaseProvider Parse(string name) => name.ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => throw new InvalidOperationException($"{ProviderKey} is '{name}': use 'sqlite' (the default) or 'postgres'."),
    };
}
