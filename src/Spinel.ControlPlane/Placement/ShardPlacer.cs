using System.Globalization;
using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Placement;

/// <summary>
/// Decides on which nodes, and on which ports, the shards of a database run. A pure function of the state: the same
/// state and database give the same plan on every node. See <c>README.md</c> for the rules.
/// </summary>
public static partial class ShardPlacer
{
    public const string InsufficientResources = "insufficient_resources";

    public const string InvalidReplication = "invalid_replication";

    /// <summary>
    /// Places <see cref="BdbRecord.ShardsCount"/> masters of <paramref name="bdb"/>, and a replica of each when it has
    /// <see cref="BdbRecord.Replication"/>, on the active nodes of <paramref name="state"/>, next to the shards already
    /// there (of every database, the shards <paramref name="bdb"/> may have included). Follows
    /// <see cref="BdbRecord.ShardsPlacement"/>; never puts a replica on its master's node.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The shard count is not within 1-16384.</exception>
    public static PlacementResult Place(ClusterState state, BdbRecord bdb)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(bdb.ShardsCount, 1, nameof(bdb));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bdb.ShardsCount, SlotRange.SlotCount, nameof(bdb));
        var count = bdb.ShardsCount;
        var shardMemory = ShardMemory.PerShard(bdb);
        var ports = new ShardPorts(state);
        var rooms = NodeRoom.Of(state, shardMemory, ports);
        if (bdb.Replication && rooms.Count < 2)
        {
            return PlacementResult.Fail(InvalidReplication, string.Create(CultureInfo.InvariantCulture,
                $"replication needs at least 2 active nodes (a replica never shares its master's node); the cluster has {rooms.Count}"));
        }
        // With replication a node can take at most one shard of each master/replica pair, so at most `count`.
        var perNode = bdb.Replication ? count : int.MaxValue;
        var needed = bdb.Replication ? 2 * count : count;
        var available = rooms.Sum(r => (long)Math.Min(r.Room, perNode));
        if (available < needed)
        {
            return PlacementResult.Fail(InsufficientResources, DescribeShortage(bdb, needed, shardMemory, rooms, available));
        }
        var (masterNodes, replicaNodes) = bdb.ShardsPlacement == ShardsPlacement.Sparse
            ? Sparse(rooms, count, bdb.Replication)
            : Dense(rooms, count, bdb.Replication);
        var slots = SlotRange.SplitEvenly(count);
        ShardRecord NewShard(int i, int node, ShardRole role) => new()
        {
            BdbUid = bdb.Uid,
            NodeUid = node,
            Role = role,
            AssignedSlots = [slots[i]],
            Port = ports.Take(node),
        };
        var masters = masterNodes.Select((node, i) => NewShard(i, node, ShardRole.Master)).ToValueList();
        var replicas = replicaNodes.Select((node, i) => NewShard(i, node, ShardRole.Replica)).ToValueList();
        return PlacementResult.Ok(new ShardPlan { Masters = masters, Replicas = replicas });
    }

    private static string DescribeShortage(BdbRecord bdb, int needed, long shardMemory, List<NodeRoom> rooms, long available)
    {
        var what = shardMemory > 0
            ? string.Create(CultureInfo.InvariantCulture, $"needs {needed} shards of {FormatBytes(shardMemory)}")
            : string.Create(CultureInfo.InvariantCulture, $"needs {needed} shards");
        if (bdb.Replication)
        {
            what += " (a master and its replica on different nodes)";
        }
        if (rooms.Count == 0)
        {
            return what + "; no node is active";
        }
        var nodes = string.Join(",", rooms.Select(r => r.NodeUid.ToString(CultureInfo.InvariantCulture)));
        return string.Create(CultureInfo.InvariantCulture, $"{what}; {(rooms.Count == 1 ? "node" : "nodes")} {nodes} {(rooms.Count == 1 ? "has" : "have")} room for {available}");
    }

    private static string FormatBytes(long bytes) => bytes switch
    {
        _ when bytes % (1L << 30) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 30} GB"),
        _ when bytes % (1L << 20) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 20} MB"),
        _ when bytes % (1L << 10) == 0 => string.Create(CultureInfo.InvariantCulture, $"{bytes >> 10} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}
