using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using StackExchange.Redis;
using Spinel.IntegrationTests.Infrastructure;
using Spinel.IntegrationTests.Robustness;

namespace Spinel.IntegrationTests.Security;

/// <summary>
/// A database endpoint with TLS: StackExchange.Redis and <c>redis-cli --tls</c> work through it, a plain-text client
/// is cut off without disturbing the others, and turning TLS off applies to new connections only.
/// </summary>
[Trait("Category", "Integration")]
public sealed class EndpointTlsTests : IAsyncLifetime
{
    private X509Certificate2 _certificate = null!;
    private SpinelTestNode _node = null!;
    private string _caFile = "";

    public async Task InitializeAsync()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=spinel-endpoint-test", key, HashAlgorithmName.SHA256);
        var san = new SubjectAlternativeNameBuilder();
        san.AddIpAddress(IPAddress.Loopback);
        san.AddDnsName("localhost");
        request.CertificateExtensions.Add(san.Build());
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: false, false, 0, critical: true));
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        // Re-imported so the private key is usable by SslStream on Linux.
        _certificate = X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pkcs12), null);
        _caFile = Path.Combine(Path.GetTempPath(), $"spinel-tls-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(_caFile, _certificate.ExportCertificatePem());
        _node = await SpinelTestNode.StartAsync(shards: 2, tlsCertificate: _certificate);
    }

    public async Task DisposeAsync()
    {
        await _node.DisposeAsync();
        _certificate.Dispose();
        File.Delete(_caFile);
    }

    [Fact]
    public async Task ClientsSpeakTls_PlainTextIsCutOff_AndTurningTlsOffAppliesToNewConnections()
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{_node.Port},ssl=true,sslHost=localhost,abortConnect=true");
        options.CertificateValidation += (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(_certificate.RawData);
        await using var secure = await ConnectionMultiplexer.ConnectAsync(options);
        var db = secure.GetDatabase();
        for (var i = 0; i < 50; i++)
        {
            await db.StringSetAsync($"tls:{i}", i);
        }
        Assert.Equal(49, (int)await db.StringGetAsync("tls:49"));

        var cli = await ToolProcess.RunAsync("redis-cli",
            ["--tls", "--cacert", _caFile, "-h", "127.0.0.1", "-p", _node.Port.ToString(System.Globalization.CultureInfo.InvariantCulture), "GET", "tls:7"]);
        Assert.True(cli.ExitCode == 0 && cli.Output.Trim() == "7", cli.ToString());

        // Plain text to the TLS endpoint: no reply but a closed connection; the TLS client goes on.
        using (var plain = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp))
        {
            await plain.ConnectAsync(IPAddress.Loopback, _node.Port);
            await plain.SendAsync(Encoding.ASCII.GetBytes("*1\r\n$4\r\nPING\r\n"), SocketFlags.None);
            var buffer = new byte[256];
            using var wait = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            int read;
            try
            {
                read = await plain.ReceiveAsync(buffer, SocketFlags.None, wait.Token);
            }
            catch (SocketException)
            {
                read = 0;
            }
            Assert.DoesNotContain("PONG", Encoding.ASCII.GetString(buffer, 0, read), StringComparison.Ordinal);
        }
        Assert.Equal(7, (int)await db.StringGetAsync("tls:7"));

        // TLS off: a new plain client works, the TLS client keeps its connection.
        var current = _node.Topology.Current;
        _node.Topology.Update(current with { Version = current.Version + 1, Databases = [.. current.Databases.Select(d => d with { Tls = false })] });
        await Poll.UntilAsync(async () =>
        {
            try
            {
                await using var client = await _node.ConnectRawAsync();
                return await client.CommandAsync("GET", "tls:3") == "3";
            }
            catch (Exception e) when (e is IOException or SocketException or TimeoutException)
            {
                return false;
            }
        }, "a plain client to be served once TLS is off", TimeSpan.FromSeconds(10));
        Assert.Equal(3, (int)await db.StringGetAsync("tls:3"));
    }

    [Fact]
    public async Task WithClientAuthentication_OnlyClientsWithATrustedCertificateGetIn()
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=spinel-test-client-ca", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(certificateAuthority: true, false, 0, critical: true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, critical: true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        using var trusted = IssueClientCertificate(ca, "CN=trusted-client");
        using var strangerKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var strangerCreated = new CertificateRequest("CN=stranger", strangerKey, HashAlgorithmName.SHA256)
            .CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        using var stranger = X509CertificateLoader.LoadPkcs12(strangerCreated.Export(X509ContentType.Pkcs12), null);
        var current = _node.Topology.Current;
        _node.Topology.Update(current with
        {
            Version = current.Version + 1,
            Databases = [.. current.Databases.Select(d => d with { ClientCertificates = [ca.ExportCertificatePem()] })],
        });

        Assert.True(await CanUseAsync(trusted), "a certificate the trusted CA issued must get in");
        Assert.False(await CanUseAsync(stranger), "a self-signed stranger must not get in");
        Assert.False(await CanUseAsync(null), "a client without a certificate must not get in");
    }

    private async Task<bool> CanUseAsync(X509Certificate2? clientCertificate)
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{_node.Port},ssl=true,sslHost=localhost,abortConnect=true,connectTimeout=3000,connectRetry=0");
        options.CertificateValidation += (_, certificate, _, _) => certificate is not null && certificate.GetRawCertData().AsSpan().SequenceEqual(_certificate.RawData);
        if (clientCertificate is not null)
        {
            options.CertificateSelection += delegate { return clientCertificate; };
        }
        try
        {
            await using var client = await ConnectionMultiplexer.ConnectAsync(options);
            await client.GetDatabase().StringSetAsync("mtls", "1");
            return true;
        }
        catch (RedisException)
        {
            return false;
        }
    }

    private static X509Certificate2 IssueClientCertificate(X509Certificate2 ca, string subject)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.2")], critical: false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddHours(12), [1, 2, 3, 4]);
        using var withKey = issued.CopyWithPrivateKey(key);
        return X509CertificateLoader.LoadPkcs12(withKey.Export(X509ContentType.Pkcs12), null);
    }
}
