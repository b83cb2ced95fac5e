using System.Text.Json;
using System.Text.Json.Serialization;

namespace Spinel.Api.Json;

/// <summary>An event of <c>GET /v1/logs</c>: Redis Enterprise's fields, then whatever else the event type carries.</summary>
internal sealed record EventDto
{
    /// <summary>Position in the cluster's event log; only grows (a Spinel field).</summary>
    public long Uid { get; init; }

    public string? Time { get; init; }

    public string Type { get; init; } = "";

    /// <summary><c>INFO</c>, <c>WARNING</c> or <c>ERROR</c>.</summary>
    public string Severity { get; init; } = "";

    public string Description { get; init; } = "";

    public int? BdbUid { get; init; }

    public int? NodeUid { get; init; }

    public int? ShardUid { get; init; }

    public string? ActionUid { get; init; }

    /// <summary>The fields particular to the event's type (e.g. <c>from_node_uid</c>), written next to the others.</summary>
    // Settable: System.Text.Json cannot bind extension data that only an initializer sets.
    [JsonExtensionData]
    public Dictionary<string, JsonElement>? Extra { get; set; }
}
