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

    /// <summary>
    /// The <c>maxmemory</c> of the database's shards now: split over the masters it actually has, so that while a
    /// reshard copies a master into new shards the master keeps its whole share instead of evicting keys.
    /// </summary>
    public static long PerShardNow(BdbRecord bdb, int masters)
    {
        var shards = (long)Math.Max(1, Math.Min(bdb.ShardsCount, Math.Max(1, masters))) * (bdb.Replication ? 2 : 1);
        return Math.Max(0, bdb.MemorySize) / shards;
    }
}
