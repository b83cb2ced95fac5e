using System.Net;
using DnsClient;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Spinel.Dns.Tests.Infrastructure;
using Spinel.Model;

namespace Spinel.Dns.Tests;

public sealed class ServiceCollectionExtensionsTests
{
    private static IHost Host(Action<ClusterDnsOptions> configure)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        builder.Services.AddSingleton(typeof(ILogger<>), typeof(Logger<>));
        builder.Services.AddSingleton<ITopologySource>(new InMemoryTopologySource(TestTopology.Standard()));
        builder.Services.AddSpinelDns(configure);
        return builder.Build();
    }

    [Fact]
    public async Task AddSpinelDns_HostStarted_AnswersOnTheConfiguredPort()
    {
        var port = DnsTestServer.FreePort();
        using var host = Host(o => { o.NodeUid = 1; o.BindAddress = "127.0.0.1"; o.Port = port; });

        await host.StartAsync();
        try
        {
            var client = new LookupClient(new LookupClientOptions(new NameServer(IPAddress.Loopback, port)) { UseCache = false, Retries = 0 });
            var response = await client.QueryAsync("db1.cluster.test", QueryType.A);
            Assert.Equal([IPAddress.Parse("127.0.0.1")], response.Answers.ARecords().Select(r => r.Address));
        }
        finally
        {
            await host.StopAsync();
        }
    }

    [Fact]
    public async Task AddSpinelDns_InvalidOptions_FailsTheStart()
    {
        using var host = Host(o => { o.NodeUid = 1; o.BindAddress = "not-an-address"; o.Port = 8053; });

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => host.StartAsync());
        Assert.Contains("BindAddress", error.Message, StringComparison.Ordinal);
    }
}
