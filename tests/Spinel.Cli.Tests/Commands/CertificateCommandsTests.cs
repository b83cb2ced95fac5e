using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class CertificateCommandsTests : IDisposable
{
    private const string CertificatePem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    private const string KeyPem = "-----BEGIN PRIVATE KEY-----\nMIIE\n-----END PRIVATE KEY-----\n";

    private readonly string _dir = Directory.CreateTempSubdirectory("spinel-cli-cert-").FullName;

    private (string Certificate, string Key) WriteFiles()
    {
        var certificate = Path.Combine(_dir, "proxy.pem");
        var key = Path.Combine(_dir, "proxy.key");
        File.WriteAllText(certificate, CertificatePem);
        File.WriteAllText(key, KeyPem);
        return (certificate, key);
    }

    [Theory]
    [InlineData("proxy")]
    [InlineData("api")]
    public async Task CertificateSet_PutsTheNameAndBothPemFiles(string name)
    {
        await using var server = (await FakeRestServer.StartAsync()).OnJson("PUT", "/v1/cluster/update_cert", $$"""{"{{name}}_cert": "x"}""");
        var (certificate, key) = WriteFiles();

        var result = await CliRunner.RunAsync(server, "cluster", "certificate", "set", name, "--certificate", certificate, "--key", key);

        Assert.True(result.ExitCode == 0, result.ToString());
        var put = server.Single("PUT", "/v1/cluster/update_cert");
        Assert.Equal("application/json", put.ContentType);
        Assert.Equal(name, (string?)put.JsonBody["name"]);
        Assert.Equal(CertificatePem, (string?)put.JsonBody["certificate"]);
        Assert.Equal(KeyPem, (string?)put.JsonBody["key"]);
        Assert.Contains($"{name} certificate replaced", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CertificateSet_RefusedPair_PrintsTheErrorAndExits1()
    {
        await using var server = (await FakeRestServer.StartAsync())
            .On("PUT", "/v1/cluster/update_cert", CannedResponse.Error(406, "certificate_expired", "the certificate expired on 2020-01-01"));
        var (certificate, key) = WriteFiles();

        var result = await CliRunner.RunAsync(server, "cluster", "certificate", "set", "proxy", "--certificate", certificate, "--key", key);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("certificate_expired", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("syncer", true)]
    [InlineData("proxy", false)]
    public async Task CertificateSet_UnknownNameOrMissingFile_IsAUsageErrorAndSendsNothing(string name, bool filesExist)
    {
        await using var server = await FakeRestServer.StartAsync();
        var (certificate, key) = filesExist ? WriteFiles() : (Path.Combine(_dir, "none.pem"), Path.Combine(_dir, "none.key"));

        var result = await CliRunner.RunAsync(server, "cluster", "certificate", "set", name, "--certificate", certificate, "--key", key);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task CertificateSet_WithoutKey_IsAUsageErrorAndSendsNothing()
    {
        await using var server = await FakeRestServer.StartAsync();
        var (certificate, _) = WriteFiles();

        var result = await CliRunner.RunAsync(server, "cluster", "certificate", "set", "proxy", "--certificate", certificate);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }

    public void Dispose() => Directory.Delete(_dir, recursive: true);
}
