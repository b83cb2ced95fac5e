using System.Net.Http.Headers;
using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Api;

/// <summary>Builds the <see cref="HttpClient"/> for a <see cref="ConnectionSettings"/>: base URL, Basic auth, timeout and certificate trust.</summary>
internal static class SpinelHttpClientFactory
{
    /// <exception cref="UsageException">The <c>--cacert</c> file is missing or holds no PEM certificate.</exception>
    public static HttpClient Create(ConnectionSettings settings)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = settings.Timeout,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
        };
        if (settings.Insecure)
        {
            // The user asked for --insecure explicitly (like curl -k), e.g. before they have the cluster certificate.
#pragma warning disable CA5359
            handler.SslOptions.RemoteCertificateValidationCallback = static (_, _, _, _) => true;
#pragma warning restore CA5359
        }
        else if (settings.CaCertPath is { } path)
        {
            var trusted = LoadPem(path);
            handler.SslOptions.RemoteCertificateValidationCallback = (_, certificate, _, errors) => IsTrusted(certificate, errors, trusted);
        }

        var client = new HttpClient(handler, disposeHandler: true)
        {
            BaseAddress = WithTrailingSlash(settings.Url),
            Timeout = settings.Timeout,
        };
        if (settings.User is { } user)
        {
            var token = Convert.ToBase64String(Encoding.UTF8.GetBytes($"{user}:{settings.Password}"));
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", token);
        }
        return client;
    }

    private static Uri WithTrailingSlash(Uri url) =>
        url.AbsoluteUri.EndsWith('/') ? url : new Uri(url.AbsoluteUri + "/");

    private static X509Certificate2Collection LoadPem(string path)
    {
        var certificates = new X509Certificate2Collection();
        try
        {
            certificates.ImportFromPemFile(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or CryptographicException)
        {
            throw new UsageException($"--cacert {path}: {ex.Message}");
        }
        if (certificates.Count == 0)
        {
            throw new UsageException($"--cacert {path}: no PEM certificate in the file");
        }
        return certificates;
    }

    // The cluster's certificate is self-signed, so the platform store rejects it. As with curl --cacert, only a chain
    // that ends in one of the given certificates is trusted (not the platform's CAs), and the host name must match.
    private static bool IsTrusted(X509Certificate? certificate, SslPolicyErrors errors, X509Certificate2Collection trusted)
    {
        if (certificate is null || (errors & (SslPolicyErrors.RemoteCertificateNotAvailable | SslPolicyErrors.RemoteCertificateNameMismatch)) != 0)
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
