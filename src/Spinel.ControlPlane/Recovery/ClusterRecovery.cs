using System.Globalization;
using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Recovery;

/// <summary>
/// Turns a saved cluster configuration into the first state of a recovered cluster whose only member is this node:
/// this node takes over the record of one saved node (the one with its address, or the one named), every other node is
/// down until it joins again or is removed. Databases, shards, endpoints, users, the certificate authority and the
/// actions stay as they were: the new leader resumes unfinished actions as any new leader does, the watchdog fails over
/// to what survived, and <c>actions/recover</c> re-creates shards that had no surviving copy.
/// </summary>
public static class ClusterRecovery
{
    /// <param name="saved">The configuration read from a cluster store file.</param>
    /// <param name="thisNode">This node as it runs now: address, Raft endpoint, ports, memory.</param>
    /// <param name="nodeUid">The saved node this node becomes; null picks the one with this node's address.</param>
    public static (ClusterState? State, string? Error) Prepare(ClusterState saved, NodeRecord thisNode, int? nodeUid)
    {
        if (!saved.IsCreated)
        {
            return (null, "the saved configuration holds no cluster");
        }
        var chosen = nodeUid is { } uid
            ? saved.Nodes.GetValueOrDefault(uid)
            : saved.Nodes.Values.FirstOrDefault(n => n.Address == thisNode.Address);
        if (chosen is null)
        {
            return (null, nodeUid is { } missing
                ? string.Create(CultureInfo.InvariantCulture, $"the saved configuration has no node {missing}")
                : $"no saved node has address {thisNode.Address}; name the node to take over with node_uid");
        }
        if (saved.Nodes.Values.FirstOrDefault(n => n.Uid != chosen.Uid && (n.Address == thisNode.Address || n.RaftEndPoint == thisNode.RaftEndPoint)) is { } clash)
        {
            return (null, string.Create(CultureInfo.InvariantCulture,
                $"saved node {clash.Uid} has this node's address {thisNode.Address}; recover on that node or give it a new address"));
        }
        var nodes = saved.Nodes;
        foreach (var node in saved.Nodes.Values)
        {
            nodes = nodes.SetItem(node.Uid, node.Uid == chosen.Uid
                ? node with
                {
                    Address = thisNode.Address,
                    RaftEndPoint = thisNode.RaftEndPoint,
                    RestPort = thisNode.RestPort,
                    TotalMemory = thisNode.TotalMemory,
                    MaxRedisServers = thisNode.MaxRedisServers,
                    Status = NodeStatus.Active,
                }
                : node with { Status = NodeStatus.Down });
        }
        return (saved with { Nodes = nodes }, null);
    }
}
