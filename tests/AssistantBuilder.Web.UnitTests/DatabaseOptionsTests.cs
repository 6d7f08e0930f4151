using AssistantBuilder.Data;
using Microsoft.Extensions.Configuration;

namespace AssistantBuilder.Web.UnitTests;

/// <summary>How configuration picks the database: SQLite by default, PostgreSQL by name or by its connection string alone.</summary>
public sealed class DatabaseOptionsTests
{
    static DatabaseOptions From(params (string Key, string Value)[] settings) => DatabaseOptions.FromConfiguration(
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => KeyValuePair.Create(s.Key, (string?)s.Value))).Build(), "/data/ab.db");

    [Fact]
    public void Nothing_configured_is_sqlite_in_the_data_directory()
    {
        var options = From();
        Assert.Equal(DatabaseProvider.Sqlite, options.Provider);
        Assert.Contains("Data Source=/data/ab.db", options.ConnectionString);
    }

    [Fact]
    public void A_postgres_connection_string_alone_selects_postgres_and_an_explicit_sqlite_wins_over_it()
    {
        Assert.Equal(DatabaseOptions.Postgres("Host=db"), From(("ConnectionStrings:Postgres", "Host=db")));
        Assert.Equal(DatabaseProvider.Sqlite, From(("ConnectionStrings:Postgres", "Host=db"), ("Database:Provider", "sqlite")).Provider);
        Assert.Equal(DatabaseOptions.Postgres("Host=db"), From(("ConnectionStrings:Postgres", "Host=db"), ("Database:Provider", "PostgreSQL")));
    }

    [Fact]
    public void Postgres_without_a_connection_string_and_unknown_providers_are_refused_naming_the_setting()
    {
        var missing = Assert.Throws<InvalidOperationException>(() => From(("Database:Provider", "postgres")));
        Assert.Contains("ConnectionStrings:Postgres is not set", missing.Message);
        var unknown = Assert.Throws<InvalidOperationException>(() => From(("Database:Provider", "mysql")));
        Assert.Contains("Database:Provider is 'mysql': use 'sqlite' (the default) or 'postgres'", unknown.Message);
    }
}
