using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spinel.Proxy.Tls;

/// <summary>Whether a client's certificate is one the database trusts: the same certificate, or one issued by a trusted one.</summary>
internal static class ClientCertificates
{
    public static bool IsTrusted(X509Certificate? presented, IReadOnlyList<string> trustedPems)
    {
        if (presented is null)
        {
            return false;
        }
        using var client = X509CertificateLoader.LoadCertificate(presented.GetRawCertData());
        var trusted = new X509Certificate2Collection();
        try
        {
            foreach (var pem in trustedPems)
            {
                try
                {
                    trusted.Add(X509Certificate2.CreateFromPem(pem));
                }
                catch (CryptographicException)
                {
                    // The control plane checks certificates when they are set; one that still does not parse trusts nothing.
                }
            }
            if (trusted.Any(t => t.RawDataMemory.Span.SequenceEqual(client.RawDataMemory.Span)))
            {
                return true;
            }
            using var chain = new X509Chain();
            chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
            chain.ChainPolicy.CustomTrustStore.AddRange(trusted);
            chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
            return chain.Build(client);
        }
        finally
        {
            foreach (var certificate in trusted)
            {
                certificate.Dispose();
            }
        }
    }
}
