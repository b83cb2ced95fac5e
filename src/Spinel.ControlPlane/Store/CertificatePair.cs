namespace Spinel.ControlPlane.Store;

/// <summary>A PEM certificate (optionally followed by its chain) with its PEM private key, as an operator uploaded it.</summary>
public sealed record CertificatePair
{
    /// <summary>The leaf certificate first, then any intermediates, in PEM.</summary>
    public required string CertificatePem { get; init; }

    /// <summary>The leaf certificate's private key in PEM.</summary>
    public required string KeyPem { get; init; }
}
