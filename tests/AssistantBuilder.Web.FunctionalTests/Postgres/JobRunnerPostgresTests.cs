using AssistantBuilder.Data;
using AssistantBuilder.Web.FunctionalTests.Training;

namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary><see cref="JobRunnerTests"/> (real <c>ab train</c> jobs on a tiny model) on PostgreSQL.</summary>
public sealed class JobRunnerPostgresTests(TinyModelFixture tiny) : JobRunnerTests(tiny)
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
