using AssistantBuilder.Web.FunctionalTests.Compare;

namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary><see cref="CompareApiTests"/> (votes and evaluations) on PostgreSQL.</summary>
public sealed class CompareApiPostgresTests(PostgresAssistantsApp app) : CompareApiTests<PostgresAssistantsApp>(app);
