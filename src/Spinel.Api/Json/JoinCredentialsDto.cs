namespace Spinel.Api.Json;

/// <summary><c>POST /v1/internal/nodes/join_credentials</c>: what a joining node needs to issue its own certificate.</summary>
internal sealed record JoinCredentialsDto
{
    public required string ClusterName { get; init; }

    /// <summary>The cluster CA certificate, PEM.</summary>
    public required string CaCert { get; init; }

    /// <summary>The cluster CA private key, PEM.</summary>
    public required string CaKey { get; init; }
}
