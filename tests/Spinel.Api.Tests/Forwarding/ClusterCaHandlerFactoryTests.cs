using System.Net;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Spinel.Api.Forwarding;
using Spinel.Api.Tests.Infrastructure;

namespace Spinel.Api.Tests.Forwarding;

/// <summary>The real forwarding handler against a real HTTPS server on loopback.</summary>
public sealed class ClusterCaHandlerFactoryTests
{
    [Fact]
    public async Task LeafOfTheClusterCaForTheAddress_IsTrusted()
    {
        using var cluster = new TestPki("cluster CA");
        using var certificate = cluster.IssueServerCertificate(IPAddress.Loopback);
        await using var server = await StartServerAsync(certificate);
        using var client = new HttpClient(new ClusterCaHandlerFactory().Create(cluster.AuthorityPem));

        var answer = await client.GetStringAsync(server.Url);

        Assert.Equal("leader", answer);
    }

    [Fact]
    public async Task LeafOfAnotherCa_IsRefused()
    {
        using var cluster = new TestPki("cluster CA");
        using var stranger = new TestPki("other CA");
        using var certificate = stranger.IssueServerCertificate(IPAddress.Loopback);
        await using var server = await StartServerAsync(certificate);
        using var client = new HttpClient(new ClusterCaHandlerFactory().Create(cluster.AuthorityPem));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(server.Url));
    }

    [Fact]
    public async Task LeafForAnotherAddress_IsRefused()
    {
        using var cluster = new TestPki("cluster CA");
        using var certificate = cluster.IssueServerCertificate(IPAddress.Parse("127.0.0.9"));
        await using var server = await StartServerAsync(certificate);
        using var client = new HttpClient(new ClusterCaHandlerFactory().Create(cluster.AuthorityPem));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(server.Url));
    }

    [Fact]
    public async Task NoClusterCa_TrustsNothing()
    {
        using var cluster = new TestPki("cluster CA");
        using var certificate = cluster.IssueServerCertificate(IPAddress.Loopback);
        await using var server = await StartServerAsync(certificate);
        using var client = new HttpClient(new ClusterCaHandlerFactory().Create(null));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(server.Url));
    }

    [Fact]
    public async Task PinnedCertificateOfAnotherCaAndName_IsTrusted()
    {
        using var cluster = new TestPki("cluster CA");
        using var custom = new TestPki("operator CA");
        using var certificate = custom.IssueServerCertificate(IPAddress.Parse("127.0.0.9"));
        await using var server = await StartServerAsync(certificate);
        using var client = new HttpClient(new ClusterCaHandlerFactory().Create(cluster.AuthorityPem, certificate.ExportCertificatePem()));

        Assert.Equal("leader", await client.GetStringAsync(server.Url));
    }

    [Fact]
    public async Task AnotherCertificateThanThePinnedOne_IsRefused()
    {
        using var cluster = new TestPki("cluster CA");
        using var custom = new TestPki("operator CA");
        using var pinned = custom.IssueServerCertificate(IPAddress.Loopback);
        using var presented = custom.IssueServerCertificate(IPAddress.Loopback);
        await using var server = await StartServerAsync(presented);
        using var client = new HttpClient(new ClusterCaHandlerFactory().Create(cluster.AuthorityPem, pinned.ExportCertificatePem()));

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetStringAsync(server.Url));
    }

    private static async Task<TlsServer> StartServerAsync(X509Certificate2 certificate)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        app.MapGet("/", () => "leader");
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        return new TlsServer(app, new Uri(address));
    }

    private sealed record TlsServer(WebApplication App, Uri Url) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync() => await App.DisposeAsync();
    }
}
