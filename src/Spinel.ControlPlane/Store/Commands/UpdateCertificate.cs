namespace Spinel.ControlPlane.Store.Commands;

/// <summary>
/// Replaces the certificate one service presents on every node (<c>PUT /v1/cluster/update_cert</c>); the REST layer
/// checks the pair before it proposes.
/// </summary>
public sealed record UpdateCertificate : ClusterCommand
{
    public required CertificateName Name { get; init; }

    public required CertificatePair Certificate { get; init; }
}
