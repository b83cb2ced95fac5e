using System.Text.Json.Serialization;

namespace Spinel.Cli.Api;

/// <summary>The cluster's custom certificates (<c>GET /v1/cluster/certificates</c>), PEM; absent when a service presents each node's own.</summary>
internal sealed record CertificatesInfo
{
    [JsonPropertyName("proxy_cert")]
    public string? ProxyCert { get; init; }

    [JsonPropertyName("api_cert")]
    public string? ApiCert { get; init; }
}
