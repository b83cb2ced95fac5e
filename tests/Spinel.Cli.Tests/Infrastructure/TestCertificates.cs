using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Spinel.Cli.Tests.Infrastructure;

/// <summary>Self-signed server certificates made at run time, as the cluster makes its own at create.</summary>
public static class TestCertificates
{
    /// <summary>A certificate for 127.0.0.1 and localhost, usable by Kestrel.</summary>
    public static X509Certificate2 CreateLoopback(string subject = "CN=spinel-test-cluster")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    /// <summary>Writes the certificate (not its key) as PEM to a new temporary file and returns its path.</summary>
    public static string WritePem(X509Certificate2 certificate)
    {
        var path = Path.Combine(Path.GetTempPath(), $"spinel-cli-test-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, certificate.ExportCertificatePem());
        return path;
    }
}
