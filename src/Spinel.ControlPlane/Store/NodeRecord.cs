using System.Text.Json.Serialization;

namespace Spinel.ControlPlane.Store;

/// <summary>A member node of the cluster (Redis Enterprise <c>node</c> object).</summary>
public sealed record NodeRecord
{
    /// <summary>Cluster-wide node id; 0 in an <c>AddNode</c> command asks the store to assign the next one.</summary>
    public int Uid { get; init; }

    /// <summary>Address the node's shards and proxies bind (<c>addr</c>), e.g. <c>127.0.0.2</c>.</summary>
    [JsonPropertyName("addr")]
    public required string Address { get; init; }

    /// <summary>Raft endpoint of the node's cluster store, <c>ip:port</c>; differs from the REST address.</summary>
    [JsonPropertyName("raft_endpoint")]
    public required string RaftEndPoint { get; init; }

    /// <summary>Port of the node's REST API (HTTPS); writes received by a follower are forwarded to the leader's.</summary>
    public int RestPort { get; init; } = 9443;

    /// <summary>Rack or zone of the node for rack-aware placement; null when not set.</summary>
    public string? RackId { get; init; }

    /// <summary>Memory of the node in bytes that shards may use.</summary>
    public long TotalMemory { get; init; }

    /// <summary>Most shard processes the node may run (<c>max_redis_servers</c>).</summary>
    public int MaxRedisServers { get; init; } = 100;

    public NodeStatus Status { get; init; } = NodeStatus.Active;

    /// <summary>Revision of this record, set by the store: 1 when added, +1 on every change; the target of <c>ExpectedVersion</c>.</summary>
    public long Version { get; init; }
}
