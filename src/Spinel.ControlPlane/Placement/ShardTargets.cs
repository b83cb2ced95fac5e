using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Placement;

/// <summary>Where a shard that has to move (migration, replica HA, node removal) may go.</summary>
public static class ShardTargets
{
    /// <summary>
    /// Nodes that must not run a copy of <paramref name="shard"/>: its own, its master's, and those of its master's
    /// other replicas (or, for a master, of its replicas), so a pair never shares a node.
    /// </summary>
    public static IReadOnlySet<int> Excluded(ClusterState state, ShardRecord shard)
    {
        var masterUid = shard.Role == ShardRole.Master ? shard.Uid : shard.ReplicaOf;
        var excluded = new HashSet<int> { shard.NodeUid };
        foreach (var other in state.Shards.Values)
        {
            if (other.Uid == masterUid || (masterUid is not null && other.ReplicaOf == masterUid))
            {
                excluded.Add(other.NodeUid);
            }
        }
        return excluded;
    }

    /// <summary>Whether <paramref name="nodeUid"/> may receive <paramref name="shard"/> now: active, room left, no pair conflict.</summary>
    public static bool CanTake(ClusterState state, ShardRecord shard, int nodeUid) =>
        !Excluded(state, shard).Contains(nodeUid) && RoomOf(state, shard).Any(r => r.NodeUid == nodeUid && r.Room > 0);

    /// <summary>The node with room, allowed by <paramref name="isUsable"/>, that runs fewest shards; null when none fits.</summary>
    public static int? Choose(ClusterState state, ShardRecord shard, Func<int, bool> isUsable)
    {
        var excluded = Excluded(state, shard);
        return RoomOf(state, shard)
            .Where(r => r.Room > 0 && !excluded.Contains(r.NodeUid) && isUsable(r.NodeUid))
            .OrderBy(r => r.ShardCount).ThenBy(r => r.NodeUid)
            .Select(r => (int?)r.NodeUid)
            .FirstOrDefault();
    }

    /// <summary>The node with room, allowed by <paramref name="isUsable"/>, that runs fewest shards, any node; null when none fits.</summary>
    public static int? ChooseAny(ClusterState state, ShardRecord shard, Func<int, bool> isUsable) =>
        RoomOf(state, shard)
            .Where(r => r.Room > 0 && isUsable(r.NodeUid))
            .OrderBy(r => r.ShardCount).ThenBy(r => r.NodeUid)
            .Select(r => (int?)r.NodeUid)
            .FirstOrDefault();

    /// <summary>The lowest free shard port on the node.</summary>
    public static int FreePort(ClusterState state, int nodeUid) => new ShardPorts(state).Take(nodeUid);

    private static List<NodeRoom> RoomOf(ClusterState state, ShardRecord shard)
    {
        var memory = state.Bdbs.GetValueOrDefault(shard.BdbUid) is { } bdb ? ShardMemory.PerShard(bdb) : 0;
        return NodeRoom.Of(state, memory, new ShardPorts(state));
    }
}
