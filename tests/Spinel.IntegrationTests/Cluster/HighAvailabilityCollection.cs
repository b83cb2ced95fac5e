namespace Spinel.IntegrationTests.Cluster;

/// <summary>
/// Failover tests run alone, after the others: on a 2-core machine a parallel test class could starve a node of CPU
/// for longer than the one-second failure detection and cause failovers the test did not ask for.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class HighAvailabilityCollection
{
    public const string Name = "high availability";
}
