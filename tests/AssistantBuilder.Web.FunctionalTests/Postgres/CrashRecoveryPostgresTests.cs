using AssistantBuilder.Data;
using AssistantBuilder.Web.FunctionalTests.Training;

namespace AssistantBuilder.Web.FunctionalTests.Postgres;

/// <summary><see cref="CrashRecoveryTests"/> on PostgreSQL: the restarted app finds the running job in the same database.</summary>
public sealed class CrashRecoveryPostgresTests(TinyModelFixture tiny) : CrashRecoveryTests(tiny)
{
    protected override DatabaseProvider Provider => DatabaseProvider.Postgres;
}
