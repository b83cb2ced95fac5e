using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Placement;

/// <summary>How much memory one shard of a database takes, for placement and for the shard's <c>maxmemory</c>.</summary>
public static class ShardMemory
{
    /// <summary>
    /// <see cref="BdbRecord.MemorySize"/> split evenly over every shard, replicas included (rounded down); 0 when the
    /// database is unlimited.
    /// </summary>
    public static long PerShard(BdbRecord bdb)
    {
        var shards = (long)Math.Max(1, bdb.ShardsCount) * (bdb.Replication ? 2 : 1);
        return Math.Max(0, bdb.MemorySize) / shards;
    }
}
