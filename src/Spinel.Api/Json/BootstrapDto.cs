namespace Spinel.Api.Json;

/// <summary>The answer of <c>GET /v1/bootstrap</c>.</summary>
internal sealed record BootstrapDto
{
    public BootstrapStatusDto BootstrapStatus { get; init; } = new();
    public LocalNodeInfoDto LocalNodeInfo { get; init; } = new();
}

/// <summary>Redis Enterprise <c>bootstrap_status</c>.</summary>
internal sealed record BootstrapStatusDto
{
    public string State { get; init; } = "";
    public string? StartTime { get; init; }
    public string? EndTime { get; init; }
    public string? ErrorCode { get; init; }
    public string? ErrorDetails { get; init; }
}

/// <summary>What a node tells about itself before it is in a cluster (a subset of the node object).</summary>
internal sealed record LocalNodeInfoDto
{
    public int Cores { get; init; }
    public long TotalMemory { get; init; }
    public string OsVersion { get; init; } = "";
    public string SoftwareVersion { get; init; } = "";
    public IReadOnlyList<string> AvailableAddrs { get; init; } = [];
}
