using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>An event of <c>GET /v1/logs</c>; uids are read as strings, as Redis Enterprise writes some of them.</summary>
internal sealed record EventInfo
{
    [JsonPropertyName("time")]
    public string? Time { get; init; }

    /// <summary>e.g. <c>cluster_bdb_created</c>, <c>shard_failover</c>.</summary>
    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>INFO, WARNING or ERROR.</summary>
    [JsonPropertyName("severity")]
    public string? Severity { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }

    [JsonPropertyName("bdb_uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? BdbUid { get; init; }

    [JsonPropertyName("node_uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? NodeUid { get; init; }

    [JsonPropertyName("shard_uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ShardUid { get; init; }
}
