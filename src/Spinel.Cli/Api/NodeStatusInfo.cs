using System.Text.Json.Serialization;

namespace Spinel.Cli.Api;

/// <summary>One entry of <c>GET /v1/nodes/status</c> (an object keyed by node uid): the node's cluster role.</summary>
internal sealed record NodeStatusInfo
{
    /// <summary>master (the cluster master node) or slave.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    [JsonPropertyName("node_status")]
    public string? NodeStatus { get; init; }
}
