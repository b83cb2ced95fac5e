using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Spinel.Api.Forwarding;

/// <summary>
/// HTTPS to other nodes that trusts only the cluster CA: the leader's certificate must chain to it and name the
/// address it is reached at. The platform's CAs are not trusted, and without a cluster CA nothing is.
/// </summary>
public sealed class ClusterCaHandlerFactory : IForwardingHandlerFactory
{
    public HttpMessageHandler Create(string? certificateAuthorityPem)
    {
        var trusted = new X509Certificate2Collection();
        if (!string.IsNullOrWhiteSpace(certificateAuthorityPem))
        {
            trusted.ImportFromPem(certificateAuthorityPem);
        }
        return new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, trusted),
            },
        };
    }

    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection trusted)
    {
        // Chain errors are expected (the platform does not know the cluster CA) and decided below; the rest are not.
        if (trusted.Count == 0 || certificate is null
            || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
        {
            return false;
        }
        using var leaf = X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(leaf);
    }
}
