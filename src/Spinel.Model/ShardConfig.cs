namespace Spinel.Model;

/// <summary>One redis-server shard of a database as the topology declares it; immutable.</summary>
public sealed record ShardConfig
{
    /// <summary>Cluster-wide shard id (Redis Enterprise <c>uid</c>).</summary>
    public required int Uid { get; init; }

    /// <summary>The database the shard belongs to.</summary>
    public required int BdbUid { get; init; }

    /// <summary>The node that runs the shard process.</summary>
    public required int NodeUid { get; init; }

    /// <summary>Address the shard listens on (the node's address).</summary>
    public required string Host { get; init; }

    /// <summary>Shard port, from 20000-29999.</summary>
    public required int Port { get; init; }

    public ShardRole Role { get; init; } = ShardRole.Master;

    /// <summary>Uid of the master this shard replicates from; null for masters.</summary>
    public int? ReplicaOf { get; init; }

    /// <summary>Slots served by this shard (masters and their replicas carry the same ranges).</summary>
    public IReadOnlyList<SlotRange> Slots { get; init; } = [];

    /// <summary><c>maxmemory</c> of the process in bytes; 0 means no limit.</summary>
    public long MaxMemoryBytes { get; init; }

    /// <summary>Redis <c>maxmemory-policy</c>.</summary>
    public string EvictionPolicy { get; init; } = "volatile-lru";

    /// <summary>
    /// True while the shard's slots are being handed over (failover, migration): proxies park new requests for them
    /// until the topology clears the flag, instead of sending them to a master that is going away.
    /// </summary>
    public bool Held { get; init; }

    /// <summary>Redis <c>appendfsync</c> (<c>everysec</c> or <c>always</c>) when the shard writes an append-only file; null when it does not.</summary>
    public string? AppendFsync { get; init; }

    /// <summary>Redis <c>save</c> rules (<c>"3600 1 300 100"</c>) when the shard writes snapshots; empty when it does not.</summary>
    public string SaveRules { get; init; } = "";

    /// <summary>
    /// Raised by the control plane to let a node agent start this shard again as it is (e.g. a crashed master of a
    /// replicated pair that could not be failed over); the agent never restarts such a master on its own.
    /// </summary>
    public long Generation { get; init; }

    public bool Equals(ShardConfig? other) =>
        other is not null && Uid == other.Uid && BdbUid == other.BdbUid && NodeUid == other.NodeUid &&
        Host == other.Host && Port == other.Port && Role == other.Role && ReplicaOf == other.ReplicaOf &&
        Slots.SequenceEqual(other.Slots) && MaxMemoryBytes == other.MaxMemoryBytes && EvictionPolicy == other.EvictionPolicy &&
        Held == other.Held && Generation == other.Generation && AppendFsync == other.AppendFsync && SaveRules == other.SaveRules;

    public override int GetHashCode() => HashCode.Combine(Uid, BdbUid, NodeUid, Port, Role, MaxMemoryBytes);
}
