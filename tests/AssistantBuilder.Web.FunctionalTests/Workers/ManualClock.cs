namespace AssistantBuilder.Web.FunctionalTests.Workers;

/// <summary>A clock the test moves by hand, so that a lease expires without waiting for it.</summary>
sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;
}
