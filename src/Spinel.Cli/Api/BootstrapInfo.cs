using System.Text.Json.Serialization;

namespace Spinel.Cli.Api;

/// <summary>The answer of <c>GET /v1/bootstrap</c>.</summary>
internal sealed record BootstrapInfo
{
    [JsonPropertyName("bootstrap_status")]
    public BootstrapStatus? BootstrapStatus { get; init; }
}
