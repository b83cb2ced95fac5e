using System.Text.Json;
using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>The fields of the Redis Enterprise <c>shard</c> object (<c>GET /v1/shards</c>) the CLI shows.</summary>
internal sealed record ShardInfo
{
    [JsonPropertyName("uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Uid { get; init; }

    [JsonPropertyName("bdb_uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? BdbUid { get; init; }

    [JsonPropertyName("node_uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? NodeUid { get; init; }

    /// <summary>master or slave.</summary>
    [JsonPropertyName("role")]
    public string? Role { get; init; }

    /// <summary>Slot ranges such as <c>0-5460</c>.</summary>
    [JsonPropertyName("assigned_slots")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? AssignedSlots { get; init; }

    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>ok, busy, down, loading, timeout, unknown ...</summary>
    [JsonPropertyName("detailed_status")]
    public string? DetailedStatus { get; init; }

    /// <summary>A replica's replication: <c>idle</c> (streaming), <c>in_progress</c> or <c>link_down</c>.</summary>
    [JsonPropertyName("sync")]
    public ShardSync? Sync { get; init; }

    /// <summary>A subset of the shard's INFO; <c>used_memory</c> is shown when present.</summary>
    [JsonPropertyName("redis_info")]
    public IReadOnlyDictionary<string, JsonElement>? RedisInfo { get; init; }
}
