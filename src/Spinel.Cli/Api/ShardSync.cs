using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>The Redis Enterprise shard <c>sync</c> object.</summary>
internal sealed record ShardSync
{
    /// <summary>in_progress, idle or link_down.</summary>
    [JsonPropertyName("status")]
    public string? Status { get; init; }

    /// <summary>Bytes still to replicate.</summary>
    [JsonPropertyName("progress")]
    [JsonConverter(typeof(LenientInt64Converter))]
    public long? Progress { get; init; }
}
