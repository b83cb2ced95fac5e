namespace Spinel.Api.Json;

/// <summary>The Redis Enterprise <c>node</c> object as this API writes it.</summary>
internal sealed record NodeDto
{
    public int Uid { get; init; }
    public string Addr { get; init; } = "";
    public IReadOnlyList<string> ExternalAddr { get; init; } = [];
    public string Status { get; init; } = "";
    public int ShardCount { get; init; }
    public IReadOnlyList<int> ShardList { get; init; } = [];
    public long TotalMemory { get; init; }
    public int MaxRedisServers { get; init; }
    public string? RackId { get; init; }
    public string SoftwareVersion { get; init; } = "";
    public int Cores { get; init; }
}

/// <summary>One value of <c>GET /v1/nodes/status</c> (keyed by node uid).</summary>
internal sealed record NodeStatusDto
{
    /// <summary><c>master</c> for the node that leads the cluster, <c>slave</c> for the others.</summary>
    public string Role { get; init; } = "";
    public string NodeStatus { get; init; } = "";
    public string Hostname { get; init; } = "";
    public string SoftwareVersion { get; init; } = "";
    public int ShardCount { get; init; }
    public IReadOnlyList<int> MasterShards { get; init; } = [];
    public IReadOnlyList<int> SlaveShards { get; init; } = [];
    public long TotalMemory { get; init; }
}
