using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Spinel.IntegrationTests.Cluster;
using Spinel.IntegrationTests.Infrastructure;
using Spinel.Resp.Framing;

namespace Spinel.IntegrationTests.Security;

/// <summary>
/// <c>PUT /v1/cluster/update_cert</c> with the <c>proxy</c> name on a real cluster: every node presents the new
/// certificate to new TLS connections, while open connections of every database, TLS or not, keep working.
/// </summary>
[Trait("Category", "Integration")]
public sealed class CertificateRotationTests
{
    [Fact]
    public async Task ProxyCertificateUpdate_NewHandshakesGetIt_OpenConnectionsStayUp()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 74);
        using var api = cluster.Admin(0);
        await CreateAsync(cluster, api, new JsonObject { ["name"] = "sealed", ["port"] = 12081, ["tls_mode"] = "enabled" });
        await CreateAsync(cluster, api, new JsonObject { ["name"] = "open", ["port"] = 12082 });

        await using var before = await TlsRespConnection.ConnectAsync(cluster.Nodes[0].Address, 12081);
        Assert.True(ChainsTo(before.ServerCertificate, cluster.CaFile), "before the update the endpoint presents the cluster-issued certificate");
        Assert.Equal("PONG", await before.CommandAsync("PING"));
        Assert.Equal("OK", await before.CommandAsync("SET", "k", "v1"));
        await using var plain = await RawRespClient.ConnectAsync(12082, cluster.Nodes[1].Address);
        Assert.Equal("+OK", await plain.CommandAsync("SET", "p", "1"));

        using var replacement = IssueFor(cluster.Nodes.Select(n => IPAddress.Parse(n.Address)));
        var updated = await api.WriteAsync(HttpMethod.Put, "/v1/cluster/update_cert", new JsonObject
        {
            ["name"] = "proxy",
            ["certificate"] = replacement.ExportCertificatePem(),
            ["key"] = replacement.GetECDsaPrivateKey()!.ExportPkcs8PrivateKeyPem(),
        });
        Assert.True(updated.Status == HttpStatusCode.OK, updated.ToString());
        Assert.Equal(replacement.ExportCertificatePem(), (await api.GetAsync("/v1/cluster/certificates")).Body["proxy_cert"]!.GetValue<string>());

        foreach (var node in cluster.Nodes)
        {
            // Each node applies the committed change a moment after the leader does.
            string? seen = null;
            await Eventually.TrueAsync(async () =>
            {
                await using var fresh = await TlsRespConnection.ConnectAsync(node.Address, 12081);
                seen = fresh.ServerCertificate.Thumbprint;
                return seen == replacement.Thumbprint && await fresh.CommandAsync("GET", "k") == "v1";
            }, () => $"{node.Address}:12081 to present the new certificate (it presents {seen})", TimeSpan.FromSeconds(20));
        }

        Assert.Equal("PONG", await before.CommandAsync("PING"));
        Assert.Equal("OK", await before.CommandAsync("SET", "k", "v2"));
        Assert.Equal("v2", await before.CommandAsync("GET", "k"));
        Assert.Equal("1", await plain.CommandAsync("GET", "p"));
        Assert.Equal("+OK", await plain.CommandAsync("SET", "p", "2"));
        Assert.Equal("2", await plain.CommandAsync("GET", "p"));
    }

    [Fact]
    public async Task RaftPortsSpeakTlsWithCertificatesOfTheClusterCa()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 75, size: 2);

        foreach (var node in cluster.Nodes)
        {
            using var tcp = new TcpClient();
            await tcp.ConnectAsync(node.Address, 3340);
            X509Certificate2? presented = null;
            await using var ssl = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
            {
                presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                return presented is not null;
            });
            using var stranger = IssueFor([IPAddress.Parse(node.Address)]);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            // A stranger's client certificate: whether it is refused is RaftTlsTests' to show; here only what the port presents counts.
            var refused = await Record.ExceptionAsync(async () =>
            {
                await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = node.Address, ClientCertificates = [stranger] }, timeout.Token);
                await ssl.WriteAsync(new byte[64], timeout.Token);
                var read = await ssl.ReadAsync(new byte[64], timeout.Token);
                Assert.Equal(0, read);
            });
            Assert.True(presented is not null && ChainsTo(presented, cluster.CaFile), $"{node.Address}:3340 presents {presented?.Subject ?? "nothing"}");
            Assert.True(refused is null or System.Security.Authentication.AuthenticationException or IOException, refused?.ToString());
        }
    }

    private static async Task CreateAsync(LocalCluster cluster, RestClient api, JsonObject bdb)
    {
        bdb["memory_size"] = 100L << 20;
        bdb["proxy_policy"] = "all-nodes";
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", bdb);
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
    }

    /// <summary>A certificate from a CA of the test's own (not the cluster's), for every node's address.</summary>
    private static X509Certificate2 IssueFor(IEnumerable<IPAddress> addresses)
    {
        using var caKey = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var caRequest = new CertificateRequest("CN=operator test CA", caKey, HashAlgorithmName.SHA256);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest("CN=redis.cluster.test", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        foreach (var address in addresses)
        {
            names.AddIpAddress(address);
        }
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], false));
        using var issued = request.Create(ca, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddDays(10), RandomNumberGenerator.GetBytes(12));
        return issued.CopyWithPrivateKey(key);
    }

    private static bool ChainsTo(X509Certificate2 certificate, string caFile)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.ImportFromPemFile(caFile);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    /// <summary>One TLS connection to an endpoint that never reconnects, so a dropped connection fails the test.</summary>
    private sealed class TlsRespConnection : IAsyncDisposable
    {
        private readonly TcpClient _tcp;
        private readonly SslStream _ssl;
        private readonly byte[] _buffer = new byte[16 * 1024];
        private readonly MemoryStream _pending = new();

        private TlsRespConnection(TcpClient tcp, SslStream ssl, X509Certificate2 serverCertificate)
        {
            _tcp = tcp;
            _ssl = ssl;
            ServerCertificate = serverCertificate;
        }

        /// <summary>The certificate the endpoint presented in the handshake.</summary>
        public X509Certificate2 ServerCertificate { get; }

        public static async Task<TlsRespConnection> ConnectAsync(string host, int port)
        {
            var tcp = new TcpClient();
            await tcp.ConnectAsync(host, port);
            X509Certificate2? presented = null;
            // The test checks which certificate it was given, not whom it trusts.
            var ssl = new SslStream(tcp.GetStream(), false, (_, certificate, _, _) =>
            {
                presented = certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData());
                return certificate is not null;
            });
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            await ssl.AuthenticateAsClientAsync(new SslClientAuthenticationOptions { TargetHost = host }, timeout.Token);
            return new TlsRespConnection(tcp, ssl, presented!);
        }

        /// <summary>Sends one command; answers a simple or bulk string reply's text.</summary>
        public async Task<string> CommandAsync(params string[] args)
        {
            await _ssl.WriteAsync(RespWriter.EncodeCommand(args));
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            while (true)
            {
                var data = _pending.ToArray();
                if (data.Length > 0 && RespFrameScanner.TryGetFrameLength(new ReadOnlySequence<byte>(data), out var length) == OperationStatus.Done)
                {
                    _pending.SetLength(0);
                    _pending.Write(data, (int)length, data.Length - (int)length);
                    var frame = System.Text.Encoding.UTF8.GetString(data, 0, (int)length);
                    return frame[0] == '$' ? frame.Split("\r\n")[1] : frame[1..].TrimEnd('\r', '\n');
                }
                var read = await _ssl.ReadAsync(_buffer, timeout.Token);
                if (read == 0)
                {
                    throw new EndOfStreamException("The endpoint closed the connection.");
                }
                _pending.Write(_buffer, 0, read);
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _ssl.DisposeAsync();
            _tcp.Dispose();
        }
    }
}
