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

    /// <summary>high or low.</summary>
    [JsonPropertyName("failure_detection_sensitivity")]
    public string? FailureDetectionSensitivity { get; init; }

    [JsonPropertyName("slave_ha")]
    public bool? SlaveHa { get; init; }

    /// <summary>Seconds.</summary>
    [JsonPropertyName("slave_ha_grace_period")]
    [JsonConverter(typeof(Json.LenientInt64Converter))]
    public long? SlaveHaGracePeriod { get; init; }
}
