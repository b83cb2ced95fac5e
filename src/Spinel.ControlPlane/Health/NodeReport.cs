namespace Spinel.ControlPlane.Health;

/// <summary>A node's heartbeat: its shards as its agent sees them and how far its data path follows the store.</summary>
public sealed record NodeReport
{
    public required int NodeUid { get; init; }

    /// <summary>The store version whose topology the node's agent and proxies have applied.</summary>
    public long TopologyVersion { get; init; }

    public IReadOnlyList<ShardReport> Shards { get; init; } = [];
}
