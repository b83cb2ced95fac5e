using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Spinel.ControlPlane.Raft;

/// <summary>
/// What this node's Raft transport presents and trusts when <see cref="ControlPlaneOptions.RaftTls"/> is on: its own
/// certificate (issued by the cluster CA) and the cluster CA. Read at every handshake, so a node that learns the CA
/// or gets a new certificate uses them from its next connection on, without restarting Raft. Until both are known
/// every handshake fails: a node with no CA trusts nobody. Thread-safe.
/// </summary>
public sealed class RaftTransportCredentials
{
    private volatile Snapshot? _current;

    /// <summary>Whether a certificate and a CA are installed.</summary>
    public bool IsReady => _current is not null;

    /// <summary>The certificate presented now; null until <see cref="Install"/>.</summary>
    public X509Certificate2? Certificate => _current?.Certificate;

    /// <summary>
    /// Replaces the certificate (with its private key; it must also allow client authentication) and the CA certificates
    /// peers must chain to. Connections already open keep what they were opened with.
    /// </summary>
    public void Install(X509Certificate2 certificate, X509Certificate2Collection authorities)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        ArgumentNullException.ThrowIfNull(authorities);
        if (!certificate.HasPrivateKey)
        {
            throw new ArgumentException("the certificate has no private key", nameof(certificate));
        }
        if (authorities.Count == 0)
        {
            throw new ArgumentException("at least one CA certificate is required", nameof(authorities));
        }
        _current = new Snapshot(certificate, [.. authorities]);
    }

    /// <summary>Whether <paramref name="peer"/> chains to an installed CA (and is valid now); peers are not checked by name.</summary>
    public bool IsTrusted(X509Certificate? peer)
    {
        if (_current is not { } current || peer is null)
        {
            return false;
        }
        using var leaf = X509CertificateLoader.LoadCertificate(peer.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(current.Authorities);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }

    /// <summary>The TLS settings of both sides of a Raft connection: mutual authentication against the cluster CA.</summary>
    internal DotNext.Net.Security.SslOptions CreateSslOptions() => new()
    {
        ServerOptions = new SslServerAuthenticationOptions
        {
            ServerCertificateSelectionCallback = (_, _) => Certificate!,
            ClientCertificateRequired = true,
            RemoteCertificateValidationCallback = (_, peer, _, _) => IsTrusted(peer),
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        },
        ClientOptions = new SslClientAuthenticationOptions
        {
            LocalCertificateSelectionCallback = (_, _, _, _, _) => Certificate!,
            // Peers are reached by address and checked against the CA, not by name.
            RemoteCertificateValidationCallback = (_, peer, _, _) => IsTrusted(peer),
            CertificateRevocationCheckMode = X509RevocationMode.NoCheck,
        },
    };

    private sealed record Snapshot(X509Certificate2 Certificate, X509Certificate2[] Authorities);
}
