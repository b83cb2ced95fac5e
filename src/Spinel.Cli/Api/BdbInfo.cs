using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>The fields of the Redis Enterprise <c>bdb</c> (database) object the CLI reads; unknown fields are ignored.</summary>
internal sealed record BdbInfo
{
    [JsonPropertyName("uid")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? Uid { get; init; }

    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("type")]
    public string? Type { get; init; }

    /// <summary>pending, active, active-change-pending, delete-pending, import-pending, creation-failed or recovery.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    [JsonPropertyName("memory_size")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? MemorySize { get; init; }

    [JsonPropertyName("shards_count")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? ShardsCount { get; init; }

    [JsonPropertyName("sharding")]
    public bool? Sharding { get; init; }

    [JsonPropertyName("replication")]
    public bool? Replication { get; init; }

    [JsonPropertyName("shards_placement")]
    public string? ShardsPlacement { get; init; }

    [JsonPropertyName("proxy_policy")]
    public string? ProxyPolicy { get; init; }

    [JsonPropertyName("data_persistence")]
    public string? DataPersistence { get; init; }

    [JsonPropertyName("eviction_policy")]
    public string? EvictionPolicy { get; init; }

    [JsonPropertyName("backup")]
    public bool? Backup { get; init; }

    [JsonPropertyName("backup_interval")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? BackupInterval { get; init; }

    [JsonPropertyName("backup_status")]
    public string? BackupStatus { get; init; }

    [JsonPropertyName("backup_failure_reason")]
    public string? BackupFailureReason { get; init; }

    [JsonPropertyName("last_backup_time")]
    public string? LastBackupTime { get; init; }

    [JsonPropertyName("port")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Port { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("endpoints")]
    public IReadOnlyList<BdbEndpoint>? Endpoints { get; init; }

    [JsonPropertyName("shard_list")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ShardList { get; init; }

    /// <summary>The state machine running a change of this database, when the server returns one.</summary>
    [JsonPropertyName("action_uid")]
    public string? ActionUid { get; init; }
}
