using AssistantBuilder.Data;
using AssistantBuilder.Web.FunctionalTests.Assistants;

namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary><see cref="AssistantsApp"/> on its own PostgreSQL database.</summary>
public sealed class PostgresAssistantsApp : AssistantsApp
{
    public PostgresAssistantsApp() => Provider = DatabaseProvider.Postgres;
}
