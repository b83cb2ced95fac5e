using Spinel.Model;

namespace Spinel.ControlPlane.Store;

/// <summary>One redis-server shard of a database (Redis Enterprise <c>shard</c> object); versioned with its database.</summary>
public sealed record ShardRecord
{
    /// <summary>Cluster-wide shard id; 0 in a <c>PutShards</c> command asks the store to assign the next one.</summary>
    public int Uid { get; init; }

    public required int BdbUid { get; init; }

    /// <summary>The node that runs the shard process.</summary>
    public required int NodeUid { get; init; }

    public ShardRole Role { get; init; } = ShardRole.Master;

    /// <summary>Uid of the master shard this one replicates; null for masters.</summary>
    public int? ReplicaOf { get; init; }

    /// <summary>Hash slots the shard serves (a replica carries its master's).</summary>
    public ValueList<SlotRange> AssignedSlots { get; init; }

    /// <summary>Port of the shard process on its node, from 20000-29999.</summary>
    public required int Port { get; init; }

    public ShardStatus Status { get; init; } = ShardStatus.Active;

    /// <summary>True while the shard's slots are handed over (failover, migration): proxies park requests for them.</summary>
    public bool Held { get; init; }

    /// <summary>Raised to let a node agent start the shard again as it is (a crashed master that could not fail over).</summary>
    public long Generation { get; init; }
}
