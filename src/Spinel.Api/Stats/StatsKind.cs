namespace Spinel.Api.Stats;

/// <summary>The objects the stats API reports on.</summary>
public enum StatsKind
{
    Bdb,
    Node,
    Shard,
    Cluster,
}
