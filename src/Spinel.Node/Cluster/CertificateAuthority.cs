using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spinel.Node.Cluster;

/// <summary>
/// The cluster's certificate authority: created once with the cluster and stored in it, so that every node, also one
/// that joins later, issues its own HTTPS certificate for its own address, and clients trust one file.
/// </summary>
internal static class CertificateAuthority
{
    /// <summary>A new CA for the cluster: (certificate PEM, private key PEM).</summary>
    public static (string CertificatePem, string KeyPem) Create(string clusterName, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN=Spinel cluster CA {clusterName}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(10));
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    /// <summary>A server and client certificate for one node's address, issued by the cluster CA.</summary>
    public static X509Certificate2 IssueNodeCertificate(string caCertificatePem, string caKeyPem, string address, string clusterName, TimeProvider time)
    {
        using var ca = X509Certificate2.CreateFromPem(caCertificatePem, caKeyPem);
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={address}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        // Server and client authentication: the same certificate serves HTTPS and both ends of mutual-TLS Raft connections.
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1"), new Oid("1.3.6.1.5.5.7.3.2")], false));
        request.CertificateExtensions.Add(SubjectAlternativeNames(address, clusterName));
        var now = time.GetUtcNow();
        var serial = RandomNumberGenerator.GetBytes(16);
        serial[0] &= 0x7f;
        using var issued = request.Create(ca, now.AddDays(-1), now.AddYears(2), serial);
        return Exportable(issued.CopyWithPrivateKey(key));
    }

    /// <summary>A throw-away self-signed certificate, so a fresh node can answer HTTPS before it belongs to a cluster.</summary>
    public static X509Certificate2 CreateProvisional(string address, TimeProvider time)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={address}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(SubjectAlternativeNames(address, null));
        var now = time.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddDays(30));
        return Exportable(certificate);
    }

    private static X509Extension SubjectAlternativeNames(string address, string? clusterName)
    {
        var names = new SubjectAlternativeNameBuilder();
        if (IPAddress.TryParse(address, out var ip))
        {
            names.AddIpAddress(ip);
        }
        else
        {
            names.AddDnsName(address);
        }
        if (clusterName is not null)
        {
            names.AddDnsName(clusterName);
        }
        names.AddDnsName("localhost");
        return names.Build();
    }

    // SslStream on Linux wants a certificate whose key came from PKCS#12, not one still bound to an ephemeral key object.
    private static X509Certificate2 Exportable(X509Certificate2 certificate)
    {
        using (certificate)
        {
            return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
        }
    }
}
