using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Placement;

/// <summary>Which nodes' proxies bind a database endpoint, by the database's <see cref="ProxyPolicy"/>.</summary>
public static class ProxyPlacement
{
    /// <summary>
    /// The nodes that bind <paramref name="bdb"/>'s endpoint, sorted and distinct: <c>single</c> names the node of the
    /// master that serves the lowest slot; <c>all-master-shards</c> every node with a master of the database;
    /// <c>all-nodes</c> every active node. Shards of other databases in <paramref name="shards"/> are ignored.
    /// </summary>
    public static ValueList<int> EndpointNodes(ClusterState state, BdbRecord bdb, IEnumerable<ShardRecord> shards)
    {
        var masters = shards.Where(s => s.BdbUid == bdb.Uid && s.Role == ShardRole.Master).ToList();
        IEnumerable<int> nodes = bdb.ProxyPolicy switch
        {
            ProxyPolicy.Single => masters
                .OrderBy(LowestSlot).ThenBy(s => s.Uid).ThenBy(s => s.NodeUid)
                .Take(1)
                .Select(s => s.NodeUid),
            ProxyPolicy.AllMasterShards => masters.Select(s => s.NodeUid),
            ProxyPolicy.AllNodes => state.Nodes.Values.Where(n => n.Status == NodeStatus.Active).Select(n => n.Uid),
            _ => throw new ArgumentOutOfRangeException(nameof(bdb), bdb.ProxyPolicy, "unknown proxy policy"),
        };
        return nodes.Distinct().Order().ToValueList();
    }

    // A master without slots (not expected) sorts after every master that has some.
    private static int LowestSlot(ShardRecord shard) =>
        shard.AssignedSlots.Count == 0 ? int.MaxValue : shard.AssignedSlots.Min(r => r.Start);
}
