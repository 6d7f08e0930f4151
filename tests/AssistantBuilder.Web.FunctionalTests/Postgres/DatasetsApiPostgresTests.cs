using AssistantBuilder.Web.FunctionalTests.Datasets;

namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary><see cref="DatasetsApiTests"/> on PostgreSQL.</summary>
public sealed class DatasetsApiPostgresTests(PostgresWebAppFactory app) : DatasetsApiTests<PostgresWebAppFactory>(app);
