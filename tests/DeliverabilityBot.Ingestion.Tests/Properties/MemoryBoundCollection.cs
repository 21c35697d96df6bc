namespace DeliverabilityBot.Ingestion.Tests.Properties;

/// <summary>
/// Tests that assert on the process's peak working set run alone: a test running beside them in the same
/// process would otherwise count its own allocations against their bound.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryBoundCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "memory-bound";
}
