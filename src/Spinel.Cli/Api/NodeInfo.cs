using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>The fields of the Redis Enterprise <c>node</c> object (<c>GET /v1/nodes</c>) the CLI shows.</summary>
internal sealed record NodeInfo
{
    [JsonPropertyName("uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Uid { get; init; }

    [JsonPropertyName("addr")]
    public string? Addr { get; init; }

    [JsonPropertyName("external_addr")]
    public IReadOnlyList<string>? ExternalAddr { get; init; }

    /// <summary>active, decommissioning, down or provisioning.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("shard_count")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? ShardCount { get; init; }

    [JsonPropertyName("max_redis_servers")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? MaxRedisServers { get; init; }

    [JsonPropertyName("total_memory")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? TotalMemory { get; init; }

    [JsonPropertyName("cores")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Cores { get; init; }

    [JsonPropertyName("rack_id")]
    public string? RackId { get; init; }

    [JsonPropertyName("software_version")]
    public string? SoftwareVersion { get; init; }

    /// <summary>master or slave, where the server adds it to the node object (Redis Enterprise has it in <c>/v1/nodes/status</c>).</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }
}
