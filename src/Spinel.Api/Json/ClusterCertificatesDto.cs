namespace Spinel.Api.Json;

/// <summary>
/// <c>GET /v1/cluster/certificates</c>: the PEM certificate each service presents when a custom one is set (Redis
/// Enterprise names); absent means each node presents its cluster-issued certificate. Private keys are never part of it.
/// </summary>
internal sealed record ClusterCertificatesDto
{
    public string? ProxyCert { get; init; }

    public string? ApiCert { get; init; }
}
