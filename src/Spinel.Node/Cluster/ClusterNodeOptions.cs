namespace Spinel.Node.Cluster;

/// <summary>A cluster node's addresses and limits; bound from the <c>Node</c> section (<c>--Node:Address 127.0.0.2</c>).</summary>
public sealed class ClusterNodeOptions
{
    /// <summary>Address every listener of the node binds: REST, Raft, endpoints, shards. <value>Default: 127.0.0.1.</value></summary>
    public string Address { get; set; } = "127.0.0.1";

    /// <summary>Where the node keeps its cluster store and shard files. <value>Default: ./.spinel/node1.</value></summary>
    public string DataDir { get; set; } = Path.Combine(".spinel", "node1");

    /// <summary>HTTPS port of the REST API (Redis Enterprise <c>cnm_https_port</c>). <value>Default: 9443.</value></summary>
    public int RestPort { get; set; } = 9443;

    /// <summary>HTTP port of the REST API; 0 turns it off. <value>Default: 8080.</value></summary>
    public int HttpPort { get; set; } = 8080;

    /// <summary>Port of the cluster store's Raft traffic. <value>Default: 3340.</value></summary>
    public int RaftPort { get; set; } = 3340;

    /// <summary>Most shard processes this node runs (<c>max_redis_servers</c>). <value>Default: 100.</value></summary>
    public int MaxRedisServers { get; set; } = 100;

    /// <summary>Memory in bytes that shards of this node may use; 0 takes what the machine has. <value>Default: 0.</value></summary>
    public long TotalMemory { get; set; }

    public string RaftEndPoint => $"{Address}:{RaftPort}";

    public long EffectiveTotalMemory => TotalMemory > 0 ? TotalMemory : GC.GetGCMemoryInfo().TotalAvailableMemoryBytes;
}
