using System.Security.Cryptography.X509Certificates;

namespace Spinel.Proxy.Tls;

/// <summary>
/// The certificate the endpoints present to TLS clients (cluster-wide, as Redis Enterprise's proxy certificate); read
/// at every handshake, so a rotated certificate applies to new connections while others keep theirs.
/// </summary>
public interface IEndpointCertificateSource
{
    /// <summary>The certificate with its private key; null while there is none (TLS connections are then refused).</summary>
    X509Certificate2? Current { get; }
}
