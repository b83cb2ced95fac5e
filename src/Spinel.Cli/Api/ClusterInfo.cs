using System.Text.Json.Serialization;

namespace Spinel.Cli.Api;

/// <summary>The fields of the Redis Enterprise <c>cluster</c> object (<c>GET /v1/cluster</c>) the CLI shows.</summary>
internal sealed record ClusterInfo
{
    [JsonPropertyName("name")]
    public string? Name { get; init; }

    [JsonPropertyName("rack_aware")]
    public bool? RackAware { get; init; }

    [JsonPropertyName("created_time")]
    [JsonConverter(typeof(Json.LenientStringConverter))]
    public string? CreatedTime { get; init; }
}
