namespace AssistantBuilder.Engine.Tests.Support;

/// <summary>
/// Tests that need torch's process-wide random generator (seeded adapter initialisation, dropout) to be theirs
/// alone: xunit runs this collection by itself, after the parallel tests.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchRandomCollection
{
    public const string Name = "torch global random state";
}
