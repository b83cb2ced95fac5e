using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Recovery;

/// <summary>
/// What <c>actions/recover</c> does to a database: every master with no copy left on a live node (its node and its
/// replicas' nodes all down, e.g. after a cluster was recovered without them) is placed again on a live node, where it
/// starts from that node's persistence files for it if there are any, else empty. Masters with a live replica are left
/// to the automatic failover, and lost replicas to replica HA.
/// </summary>
public static class DatabaseRecovery
{
    /// <summary>The masters of the database that have no copy on a node <paramref name="isLive"/> accepts.</summary>
    public static IReadOnlyList<ShardRecord> LostMasters(ClusterState state, int bdbUid, Func<int, bool> isLive) =>
        state.ShardsOf(bdbUid)
            .Where(s => s.Role == ShardRole.Master && !isLive(s.NodeUid) &&
                        !state.Shards.Values.Any(r => r.ReplicaOf == s.Uid && isLive(r.NodeUid)))
            .OrderBy(s => s.Uid)
            .ToList();

    /// <summary>The lost masters moved to live nodes with free ports; null when one of them fits on no live node.</summary>
    public static IReadOnlyList<ShardRecord>? Rehome(ClusterState state, IReadOnlyList<ShardRecord> lost, Func<int, bool> isLive)
    {
        var ports = new ShardPorts(state);
        var planned = state;
        var moved = new List<ShardRecord>();
        foreach (var master in lost)
        {
            if ((ShardTargets.Choose(planned, master, isLive) ?? ShardTargets.ChooseAny(planned, master, isLive)) is not { } target)
            {
                return null;
            }
            var rehomed = master with { NodeUid = target, Port = ports.Take(target), Generation = master.Generation + 1 };
            moved.Add(rehomed);
            planned = planned with { Shards = planned.Shards.SetItem(master.Uid, rehomed) };
        }
        return moved;
    }
}
