using AssistantBuilder.Web.FunctionalTests.Assistants;

namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary><see cref="AssistantsApiTests"/> on PostgreSQL.</summary>
public sealed class AssistantsApiPostgresTests(PostgresAssistantsApp app) : AssistantsApiTests<PostgresAssistantsApp>(app);
