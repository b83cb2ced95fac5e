using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Spinel.Api.Forwarding;

/// <summary>
/// HTTPS to other nodes that trusts only the cluster CA: the leader's certificate must chain to it and name the
/// address it is reached at, or be the pinned certificate (the cluster's custom REST API certificate). The platform's
/// CAs are not trusted, and without a cluster CA or a pinned certificate nothing is.
/// </summary>
public sealed class ClusterCaHandlerFactory : IForwardingHandlerFactory
{
    public HttpMessageHandler Create(string? certificateAuthorityPem) => Create(certificateAuthorityPem, null);

    public HttpMessageHandler Create(string? certificateAuthorityPem, string? pinnedCertificatePem)
    {
        var trusted = new X509Certificate2Collection();
        if (!string.IsNullOrWhiteSpace(certificateAuthorityPem))
        {
            trusted.ImportFromPem(certificateAuthorityPem);
        }
        byte[]? pinned = null;
        if (!string.IsNullOrWhiteSpace(pinnedCertificatePem))
        {
            using var leaf = X509Certificate2.CreateFromPem(pinnedCertificatePem);
            pinned = leaf.RawData;
        }
        return new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            SslOptions = new SslClientAuthenticationOptions
            {
                RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                    IsPinned(certificate, pinned) || IsTrusted(certificate, errors, trusted),
            },
        };
    }

    private static bool IsPinned(X509Certificate? certificate, byte[]? pinned) =>
        pinned is not null && certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(pinned);

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
