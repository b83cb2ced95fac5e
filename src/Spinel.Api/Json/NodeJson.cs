using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.Api.Json;

/// <summary>Maps node records to the Redis Enterprise <c>node</c> object and to the entries of <c>/v1/nodes/status</c>.</summary>
internal static class NodeJson
{
    public static NodeDto ToDto(NodeRecord node, ClusterState state)
    {
        var shards = state.ShardsOnNode(node.Uid).Select(s => s.Uid).Order().ToList();
        return new()
        {
            Uid = node.Uid,
            Addr = node.Address,
            Status = StoreEnumNames<NodeStatus>.Name(node.Status),
            ShardCount = shards.Count,
            ShardList = shards,
            TotalMemory = node.TotalMemory,
            MaxRedisServers = node.MaxRedisServers,
            RackId = node.RackId,
            SoftwareVersion = SoftwareVersion.Current,
            // Nodes do not report their cores to the store yet; every node of a Spinel cluster runs this same build on
            // like machines, so the local count is the best answer there is.
            Cores = Environment.ProcessorCount,
        };
    }

    public static NodeStatusDto ToStatusDto(NodeRecord node, ClusterState state, bool isLeader)
    {
        var shards = state.ShardsOnNode(node.Uid).OrderBy(s => s.Uid).ToList();
        return new()
        {
            Role = isLeader ? "master" : "slave",
            NodeStatus = StoreEnumNames<NodeStatus>.Name(node.Status),
            Hostname = node.Address,
            SoftwareVersion = SoftwareVersion.Current,
            ShardCount = shards.Count,
            MasterShards = [.. shards.Where(s => s.Role == ShardRole.Master).Select(s => s.Uid)],
            SlaveShards = [.. shards.Where(s => s.Role != ShardRole.Master).Select(s => s.Uid)],
            TotalMemory = node.TotalMemory,
        };
    }
}
