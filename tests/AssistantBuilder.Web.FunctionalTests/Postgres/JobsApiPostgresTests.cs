using AssistantBuilder.Web.FunctionalTests.Training;

namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary><see cref="JobsApiTests"/> on PostgreSQL.</summary>
public sealed class JobsApiPostgresTests(PostgresWebAppFactory app) : JobsApiTests<PostgresWebAppFactory>(app);
