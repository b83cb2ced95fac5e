namespace Spinel.Model;

/// <summary>The whole configuration the data path acts on, at one version. Published snapshots are never mutated.</summary>
public sealed record TopologySnapshot
{
    public static TopologySnapshot Empty { get; } = new() { Version = 0 };

    /// <summary>Increases with every change; a consumer may skip versions but never sees one go back.</summary>
    public required long Version { get; init; }

    public IReadOnlyList<DatabaseConfig> Databases { get; init; } = [];

    /// <summary>The cluster's FQDN (e.g. <c>cluster.local</c>); database DNS names end with it. Empty outside a cluster.</summary>
    public string ClusterName { get; init; } = "";

    /// <summary>Every node of the cluster, by uid.</summary>
    public IReadOnlyList<NodeConfig> Nodes { get; init; } = [];

    /// <summary>The node with this uid, or null.</summary>
    public NodeConfig? Node(int uid)
    {
        foreach (var node in Nodes)
        {
            if (node.Uid == uid)
            {
                return node;
            }
        }
        return null;
    }

    /// <summary>Addresses of the nodes whose proxies bind the database's endpoint, in node uid order.</summary>
    public IEnumerable<string> EndpointAddresses(DatabaseConfig database) =>
        database.EndpointNodes.Select(Node).OfType<NodeConfig>().Select(n => n.Address);

    /// <summary>Shards that the given node must run.</summary>
    public IEnumerable<ShardConfig> ShardsOnNode(int nodeUid) =>
        Databases.SelectMany(d => d.Shards).Where(s => s.NodeUid == nodeUid);

    /// <summary>Databases whose endpoint the given node's proxy must bind.</summary>
    public IEnumerable<DatabaseConfig> EndpointsOnNode(int nodeUid) =>
        Databases.Where(d => d.EndpointNodes.Contains(nodeUid));
}
