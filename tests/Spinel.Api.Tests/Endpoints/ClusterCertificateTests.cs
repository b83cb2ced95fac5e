using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;
using Spinel.Api.Tests.Infrastructure;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Tests.Endpoints;

/// <summary><c>PUT /v1/cluster/update_cert</c> and <c>GET /v1/cluster/certificates</c>.</summary>
public sealed class ClusterCertificateTests
{
    private static (string Certificate, string Key) SelfSigned(DateTimeOffset notBefore, DateTimeOffset notAfter, string subject = "CN=redis.example.com")
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        using var certificate = request.CreateSelfSigned(notBefore, notAfter);
        return (certificate.ExportCertificatePem(), key.ExportPkcs8PrivateKeyPem());
    }

    private static (string Certificate, string Key) Valid(ApiTestHost host) =>
        SelfSigned(host.Time.GetUtcNow().AddDays(-1), host.Time.GetUtcNow().AddDays(90));

    private static string Body(string name, string certificate, string key) =>
        new JsonObject { ["name"] = name, ["certificate"] = certificate, ["key"] = key }.ToJsonString();

    [Theory]
    [InlineData("proxy", CertificateName.Proxy)]
    [InlineData("api", CertificateName.Api)]
    public async Task UpdateCert_ValidPair_IsProposedAndListedWithoutItsKey(string name, CertificateName expected)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var (certificate, key) = Valid(host);

        var answer = await host.Client().PutJsonAsync("/v1/cluster/update_cert", Body(name, certificate, key)).ExpectAsync(HttpStatusCode.OK);

        var update = Assert.IsType<UpdateCertificate>(Assert.Single(host.Store.Proposals));
        Assert.Equal(expected, update.Name);
        Assert.Equal(new CertificatePair { CertificatePem = certificate, KeyPem = key }, update.Certificate);
        Assert.Equal(certificate, (string?)answer[$"{name}_cert"]);
        var listed = await host.Client().GetOkAsync("/v1/cluster/certificates");
        Assert.Equal([$"{name}_cert"], listed.Keys());
        Assert.DoesNotContain("PRIVATE KEY", listed.ToJsonString(), StringComparison.Ordinal);
        var stored = host.Store.Current.Cluster!;
        Assert.Equal(certificate, (expected == CertificateName.Proxy ? stored.ProxyCertificate : stored.ApiCertificate)!.CertificatePem);
        Assert.Equal(ApiTestHost.CaPem, stored.CertificateAuthorityPem);
    }

    [Fact]
    public async Task Certificates_NoCustomOnes_IsAnEmptyObject()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        var listed = await host.Client().GetOkAsync("/v1/cluster/certificates");

        Assert.Empty(listed.Keys());
    }

    [Fact]
    public async Task UpdateCert_ThenPutCluster_KeepsTheCertificate()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var (certificate, key) = Valid(host);
        await host.Client().PutJsonAsync("/v1/cluster/update_cert", Body("proxy", certificate, key)).ExpectAsync(HttpStatusCode.OK);

        await host.Client().PutJsonAsync("/v1/cluster", """{"slave_ha":false}""").ExpectAsync(HttpStatusCode.OK);

        Assert.Equal(certificate, host.Store.Current.Cluster!.ProxyCertificate?.CertificatePem);
    }

    [Fact]
    public async Task UpdateCert_NotPem_Is406InvalidCertificate()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var (_, key) = Valid(host);

        await host.Client().PutJsonAsync("/v1/cluster/update_cert", Body("proxy", "not a certificate", key))
            .ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_certificate");

        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task UpdateCert_KeyOfAnotherCertificate_Is406InvalidCertificate()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var (certificate, _) = Valid(host);
        var (_, otherKey) = Valid(host);

        var text = await host.Client().PutJsonAsync("/v1/cluster/update_cert", Body("proxy", certificate, otherKey))
            .ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_certificate");

        Assert.Contains("key", text, StringComparison.Ordinal);
        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task UpdateCert_GarbageKey_Is406InvalidCertificate()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var (certificate, _) = Valid(host);

        await host.Client().PutJsonAsync("/v1/cluster/update_cert", Body("api", certificate, "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----"))
            .ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_certificate");

        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task UpdateCert_Expired_Is406CertificateExpired()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var now = host.Time.GetUtcNow();
        var (certificate, key) = SelfSigned(now.AddDays(-30), now.AddDays(-1));

        await host.Client().PutJsonAsync("/v1/cluster/update_cert", Body("proxy", certificate, key))
            .ExpectErrorAsync(HttpStatusCode.NotAcceptable, "certificate_expired");

        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task UpdateCert_NotYetValid_Is406InvalidCertificate()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var now = host.Time.GetUtcNow();
        var (certificate, key) = SelfSigned(now.AddDays(2), now.AddDays(30));

        await host.Client().PutJsonAsync("/v1/cluster/update_cert", Body("proxy", certificate, key))
            .ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_certificate");
    }

    [Fact]
    public async Task UpdateCert_UnknownName_Is406InvalidCertificateName()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var (certificate, key) = Valid(host);

        await host.Client().PutJsonAsync("/v1/cluster/update_cert", Body("syncer", certificate, key))
            .ExpectErrorAsync(HttpStatusCode.NotAcceptable, "invalid_certificate_name");

        Assert.Empty(host.Store.Proposals);
    }

    [Theory]
    [InlineData("""{"name":"proxy","certificate":"x"}""", "invalid_schema")]
    [InlineData("""{"name":"proxy","certificate":"x","key":"y","chain":"z"}""", "invalid_schema")]
    [InlineData("""{"name":7,"certificate":"x","key":"y"}""", "invalid_schema")]
    public async Task UpdateCert_MissingUnknownOrMistypedField_Is406InvalidSchema(string body, string errorCode)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        await host.Client().PutJsonAsync("/v1/cluster/update_cert", body).ExpectErrorAsync(HttpStatusCode.NotAcceptable, errorCode);

        Assert.Empty(host.Store.Proposals);
    }

    [Theory]
    [InlineData("""{"name":"proxy",""")]
    [InlineData("""["proxy"]""")]
    public async Task UpdateCert_BadJson_Is400(string body)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();

        using var response = await host.Client().PutJsonAsync("/v1/cluster/update_cert", body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(host.Store.Proposals);
    }

    [Theory]
    [InlineData(UserRole.ClusterMember)]
    [InlineData(UserRole.DbMember)]
    [InlineData(UserRole.ClusterViewer)]
    [InlineData(UserRole.DbViewer)]
    [InlineData(UserRole.UserManager)]
    public async Task UpdateCert_NotAdmin_Is403(UserRole role)
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("subject@x.io", "subject-Pass1", role, "subject@x.io");
        var (certificate, key) = Valid(host);

        await host.Client("subject@x.io", "subject-Pass1").PutJsonAsync("/v1/cluster/update_cert", Body("proxy", certificate, key))
            .ExpectErrorAsync(HttpStatusCode.Forbidden, "insufficient_permissions");

        Assert.Empty(host.Store.Proposals);
    }

    [Fact]
    public async Task UpdateCert_Anonymous_Is401()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        var (certificate, key) = Valid(host);

        using var response = await host.Anonymous().PutJsonAsync("/v1/cluster/update_cert", Body("proxy", certificate, key));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Certificates_Viewer_MayRead()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddUser("viewer@x.io", "viewer-Pass1", UserRole.DbViewer, "viewer@x.io");

        await host.Client("viewer@x.io", "viewer-Pass1").GetOkAsync("/v1/cluster/certificates");
    }

    [Fact]
    public async Task UpdateCert_WithoutQuorum_Is503()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.Store.ForcedStatus = ProposeStatus.NoQuorum;
        var (certificate, key) = Valid(host);

        await host.Client().PutJsonAsync("/v1/cluster/update_cert", Body("proxy", certificate, key)).ExpectErrorAsync(HttpStatusCode.ServiceUnavailable, "no_quorum");
    }

    [Fact]
    public async Task UpdateCert_OnFollower_IsRelayedWithoutProposing()
    {
        await using var host = await ApiTestHost.StartWithClusterAsync();
        host.AddDatabase();
        host.FollowNode2();
        var (certificate, key) = Valid(host);

        await host.Client().PutJsonAsync("/v1/cluster/update_cert", Body("proxy", certificate, key)).ExpectAsync(HttpStatusCode.OK);

        Assert.Equal("https://127.0.0.2:9443/v1/cluster/update_cert", Assert.Single(host.Leader.Requests).Uri.ToString());
        Assert.Empty(host.Store.Proposals);
    }
}
