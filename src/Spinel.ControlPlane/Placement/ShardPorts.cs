using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Placement;

/// <summary>Hands out shard ports per node: the lowest port in 20000-29999 that no shard on the node uses or was given.</summary>
internal sealed class ShardPorts
{
    public const int First = 20000;

    public const int Last = 29999;

    private readonly Dictionary<int, HashSet<int>> _used = [];

    public ShardPorts(ClusterState state)
    {
        foreach (var shard in state.Shards.Values)
        {
            Used(shard.NodeUid).Add(shard.Port);
        }
    }

    public int FreeCount(int nodeUid) => Last - First + 1 - Used(nodeUid).Count(p => p is >= First and <= Last);

    /// <summary>Takes the lowest free port of the node; throws when none is left (callers check <see cref="FreeCount"/> first).</summary>
    public int Take(int nodeUid)
    {
        var used = Used(nodeUid);
        for (var port = First; port <= Last; port++)
        {
            if (used.Add(port))
            {
                return port;
            }
        }
        throw new InvalidOperationException($"node {nodeUid} has no free shard port");
    }

    private HashSet<int> Used(int nodeUid)
    {
        if (!_used.TryGetValue(nodeUid, out var used))
        {
            used = [];
            _used[nodeUid] = used;
        }
        return used;
    }
}
