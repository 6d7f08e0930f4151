using AssistantBuilder.Data;
using AssistantBuilder.Web.FunctionalTests.Workers;

namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary><see cref="JobQueueTests"/> on PostgreSQL: claims through <c>SELECT ... FOR UPDATE SKIP LOCKED</c>.</summary>
public sealed class JobQueuePostgresTests : JobQueueTests
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
