using Spinel.ControlPlane.Store;

namespace Spinel.Node.Cluster;

/// <summary>Who this node is in the store: the node record whose Raft endpoint is this node's.</summary>
internal static class NodeIdentity
{
    public static NodeRecord? Find(ClusterState state, ClusterNodeOptions options) =>
        state.Nodes.Values.FirstOrDefault(n => n.RaftEndPoint == options.RaftEndPoint);

    /// <summary>Whether the node's cluster store has a membership on disk, i.e. it created or joined a cluster before.</summary>
    public static bool HasStoredMembership(ClusterNodeOptions options)
    {
        var file = new FileInfo(Path.Combine(Path.GetFullPath(options.DataDir), "raft", "members.bin"));
        return file.Exists && file.Length > 0;
    }
}
