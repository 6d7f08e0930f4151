using AssistantBuilder.Data;
using AssistantBuilder.Web.FunctionalTests.Widget;

namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary><see cref="WidgetApp"/> on its own PostgreSQL database.</summary>
public sealed class PostgresWidgetApp : WidgetApp
{
    public PostgresWidgetApp() => Provider = DatabaseProvider.Postgres;
}
