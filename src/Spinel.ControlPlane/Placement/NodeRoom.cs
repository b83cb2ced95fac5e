using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Placement;

/// <summary>How many more shards of one size an active node can take, and what it already runs.</summary>
/// <param name="NodeUid">The node.</param>
/// <param name="ShardCount">Shards of every database the node runs now.</param>
/// <param name="Room">More shards it can take: the least of free shard slots (<c>max_redis_servers</c>), free memory and free shard ports.</param>
internal readonly record struct NodeRoom(int NodeUid, int ShardCount, int Room)
{
    /// <summary>The room of every active node for shards of <paramref name="shardMemory"/> bytes (0 = unlimited), by node uid.</summary>
    public static List<NodeRoom> Of(ClusterState state, long shardMemory, ShardPorts ports)
    {
        var counts = new Dictionary<int, int>();
        var memory = new Dictionary<int, long>();
        var perShard = new Dictionary<int, long>();
        foreach (var shard in state.Shards.Values)
        {
            counts[shard.NodeUid] = counts.GetValueOrDefault(shard.NodeUid) + 1;
            if (!perShard.TryGetValue(shard.BdbUid, out var size))
            {
                size = state.Bdbs.GetValueOrDefault(shard.BdbUid) is { } bdb ? ShardMemory.PerShard(bdb) : 0;
                perShard[shard.BdbUid] = size;
            }
            memory[shard.NodeUid] = memory.GetValueOrDefault(shard.NodeUid) + size;
        }
        var rooms = new List<NodeRoom>();
        foreach (var node in state.Nodes.Values)
        {
            if (node.Status != NodeStatus.Active)
            {
                continue;
            }
            var count = counts.GetValueOrDefault(node.Uid);
            long room = Math.Min(Math.Max(0, node.MaxRedisServers - count), ports.FreeCount(node.Uid));
            // TotalMemory 0 means the node did not report its memory: it does not limit placement.
            if (node.TotalMemory > 0 && shardMemory > 0)
            {
                room = Math.Min(room, Math.Max(0, node.TotalMemory - memory.GetValueOrDefault(node.Uid)) / shardMemory);
            }
            rooms.Add(new NodeRoom(node.Uid, count, (int)room));
        }
        return rooms;
    }
}
