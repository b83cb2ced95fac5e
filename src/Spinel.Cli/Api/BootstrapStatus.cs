using System.Text.Json.Serialization;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Api;

/// <summary>Progress of a node's bootstrap (<c>bootstrap_status</c> of <c>GET /v1/bootstrap</c>).</summary>
internal sealed record BootstrapStatus
{
    /// <summary>idle, initiated, creating_cluster, recovering_cluster, joining_cluster, error or completed.</summary>
    [JsonPropertyName("state")]
    public string? State { get; init; }

    [JsonPropertyName("error_code")]
    public string? ErrorCode { get; init; }

    [JsonPropertyName("error_details")]
    [JsonConverter(typeof(LenientStringConverter))]
    public string? ErrorDetails { get; init; }
}
