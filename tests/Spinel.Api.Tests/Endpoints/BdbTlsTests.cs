using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Tests.Endpoints;

/// <summary><c>tls_mode</c>, <c>enforce_client_authentication</c> and <c>authentication_ssl_client_certs</c> on a bdb.</summary>
public sealed class BdbTlsTests
{
    private static string Pem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        using var certificate = new CertificateRequest("CN=client", key, HashAlgorithmName.SHA256).CreateSelfSigned(DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(1));
        return certificate.ExportCertificatePem();
    }

    [Fact]
    public async Task Update_TlsWithClientCertificates_ReachesTheOperationAndComesBack()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        var pem = Pem();
        var body = new System.Text.Json.Nodes.JsonObject
        {
            ["tls_mode"] = "enabled", ["enforce_client_authentication"] = "enabled",
            ["authentication_ssl_client_certs"] = new System.Text.Json.Nodes.JsonArray(new System.Text.Json.Nodes.JsonObject { ["client_cert"] = pem }),
        };

        var bdb = await host.Client().PutJsonAsync("/v1/bdbs/1", body.ToJsonString()).ExpectAsync(HttpStatusCode.OK);

        var desired = host.Databases.Calls[^1].Bdb!;
        Assert.Equal((TlsMode.Enabled, true, pem), (desired.TlsMode, desired.EnforceClientAuthentication, Assert.Single(desired.ClientCertificates)));
        Assert.Equal("enabled", (string?)bdb["tls_mode"]);
        Assert.Equal("enabled", (string?)bdb["enforce_client_authentication"]);
        Assert.Equal(pem, (string?)bdb["authentication_ssl_client_certs"]![0]!["client_cert"]);
    }

    [Theory]
    [InlineData("""{"tls_mode":"sometimes"}""")]
    [InlineData("""{"enforce_client_authentication":"maybe"}""")]
    [InlineData("""{"authentication_ssl_client_certs":[{"client_cert":"-----BEGIN CERTIFICATE-----\nnot base64\n-----END CERTIFICATE-----"}]}""")]
    [InlineData("""{"authentication_ssl_client_certs":[{"cert":"x"}]}""")]
    [InlineData("""{"authentication_ssl_client_certs":"pem"}""")]
    public async Task BadTlsFields_AreRefused(string body)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();

        var response = await host.Client().PutJsonAsync("/v1/bdbs/1", body);

        Assert.Equal(HttpStatusCode.NotAcceptable, response.StatusCode);
        Assert.Empty(host.Databases.Calls);
    }
}
