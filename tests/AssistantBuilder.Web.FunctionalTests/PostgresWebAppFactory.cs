using AssistantBuilder.Data;

namespace AssistantBuilder.Web.FunctionalTests;

/// <summary>The real app on its own PostgreSQL database (the class fixture of the PostgreSQL variants of the API tests).</summary>
public sealed class PostgresWebAppFactory : WebAppFactory
{
    public PostgresWebAppFactory() => Provider = DatabaseProvider.Postgres;
}
