using AssistantBuilder.Web.FunctionalTests.Widget;

namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary><see cref="FeedbackLoopTests"/> (widget conversations stored, reviewed and exported) on PostgreSQL.</summary>
public sealed class FeedbackLoopPostgresTests(PostgresWidgetApp app) : FeedbackLoopTests<PostgresWidgetApp>(app);
