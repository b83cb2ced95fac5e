using System.Security.Cryptography.X509Certificates;
using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Hosting;

public sealed class TlsTests : IAsyncLifetime, IDisposable
{
    private readonly X509Certificate2 certificate = TestCertificates.CreateLoopback();
    private FakeRestServer server = null!;

    public async Task InitializeAsync() => server = (await FakeRestServer.StartAsync(certificate)).ServeCluster();

    public async Task DisposeAsync() => await server.DisposeAsync();

    public void Dispose() => certificate.Dispose();

    private Dictionary<string, string> Https => new() { ["SPINEL_URL"] = server.Url.ToString() };

    [Fact]
    public async Task SelfSignedCertificate_WithoutCaCert_Exits3WithAHint()
    {
        var result = await CliRunner.RunAsync(Https, ["node", "list"]);

        Assert.Equal(3, result.ExitCode);
        Assert.Contains($"cannot reach the cluster at {server.Url}", result.Error, StringComparison.Ordinal);
        Assert.Contains("--cacert", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task CaCert_OfTheClusterCertificate_Verifies()
    {
        var pem = TestCertificates.WritePem(certificate);
        try
        {
            var result = await CliRunner.RunAsync(Https, ["node", "list", "--cacert", pem]);

            Assert.True(result.ExitCode == 0, result.ToString());
            server.Single("GET", "/v1/nodes");
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Fact]
    public async Task CaCert_OfAnotherCertificate_IsRejected()
    {
        using var other = TestCertificates.CreateLoopback("CN=another-cluster");
        var pem = TestCertificates.WritePem(other);
        try
        {
            var result = await CliRunner.RunAsync(Https, ["node", "list", "--cacert", pem]);

            Assert.Equal(3, result.ExitCode);
            Assert.Empty(server.Requests);
        }
        finally
        {
            File.Delete(pem);
        }
    }

    [Fact]
    public async Task Insecure_SkipsVerification()
    {
        var result = await CliRunner.RunAsync(Https, ["node", "list", "--insecure"]);

        Assert.True(result.ExitCode == 0, result.ToString());
        server.Single("GET", "/v1/nodes");
    }

    [Fact]
    public async Task CaCert_MissingFile_IsAUsageError()
    {
        var result = await CliRunner.RunAsync(Https, ["node", "list", "--cacert", "/nonexistent/cluster.pem"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--cacert /nonexistent/cluster.pem", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaCertAndInsecure_Together_AreAUsageError()
    {
        var result = await CliRunner.RunAsync(Https, ["node", "list", "--cacert", "x.pem", "--insecure"]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }
}
