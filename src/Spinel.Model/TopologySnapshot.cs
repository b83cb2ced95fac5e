namespace Spinel.Model;

/// <summary>The whole configuration the data path acts on, at one version. Published snapshots are never mutated.</summary>
public sealed record TopologySnapshot
{
    public static TopologySnapshot Empty { get; } = new() { Version = 0 };

    /// <summary>Increases with every change; a consumer may skip versions but never sees one go back.</summary>
    public required long Version { get; init; }

    public IReadOnlyList<DatabaseConfig> Databases { get; init; } = [];

    /// <summary>Shards that the given node must run.</summary>
    public IEnumerable<ShardConfig> ShardsOnNode(int nodeUid) =>
        Databases.SelectMany(d => d.Shards).Where(s => s.NodeUid == nodeUid);

    /// <summary>Databases whose endpoint the given node's proxy must bind.</summary>
    public IEnumerable<DatabaseConfig> EndpointsOnNode(int nodeUid) =>
        Databases.Where(d => d.EndpointNodes.Contains(nodeUid));
}
