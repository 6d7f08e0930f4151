namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary><see cref="AccessTests"/> on PostgreSQL.</summary>
public sealed class AccessPostgresTests(PostgresWebAppFactory app) : AccessTests<PostgresWebAppFactory>(app);
