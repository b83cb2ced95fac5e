using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spinel.Discovery.Hosting;
using Spinel.Model;

namespace Spinel.Discovery.Tests.Infrastructure;

/// <summary>The discovery service of node 1 (unless told another), on a real socket of 127.0.61.200, answering from an in-memory topology.</summary>
internal sealed class DiscoveryServer : IAsyncDisposable
{
    public const string BindAddress = "127.0.61.200";

    private readonly ServiceProvider _services;

    private DiscoveryServer(ServiceProvider services, InMemoryTopologySource topology, int port, CapturingLoggerProvider logs)
    {
        _services = services;
        Topology = topology;
        Port = port;
        Logs = logs;
    }

    public InMemoryTopologySource Topology { get; }

    public int Port { get; }

    /// <summary>The log lines the service wrote so far.</summary>
    public CapturingLoggerProvider Logs { get; }

    public DiscoveryService Service => _services.GetRequiredService<DiscoveryService>();

    public IPEndPoint EndPoint => new(IPAddress.Parse(BindAddress), Port);

    public static async Task<DiscoveryServer> StartAsync(TopologySnapshot? initial = null, int? port = null, TimeProvider? time = null, int nodeUid = 1)
    {
        var topology = new InMemoryTopologySource(initial ?? TestTopology.Initial());
        var logs = new CapturingLoggerProvider();
        var chosen = port ?? FreePort();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Debug))
            .AddSingleton<ITopologySource>(topology)
            .AddSingleton(time ?? TimeProvider.System)
            .AddSpinelDiscovery(o =>
            {
                o.NodeUid = nodeUid;
                o.BindAddress = BindAddress;
                o.Port = chosen;
            })
            .BuildServiceProvider();
        var server = new DiscoveryServer(services, topology, chosen, logs);
        foreach (var hosted in services.GetServices<IHostedService>())
        {
            await hosted.StartAsync(CancellationToken.None);
        }
        return server;
    }

    public async Task<TestClient> ConnectAsync()
    {
        await Service.Bound.WaitAsync(TimeSpan.FromSeconds(10));
        return await TestClient.ConnectAsync(EndPoint);
    }

    /// <summary>Publishes a new snapshot built from the current one.</summary>
    public void Update(Func<TopologySnapshot, TopologySnapshot> change)
    {
        var current = Topology.Current;
        Topology.Update(change(current) with { Version = current.Version + 1 });
    }

    public static int FreePort()
    {
        using var probe = new TcpListener(IPAddress.Parse(BindAddress), 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _services.GetServices<IHostedService>())
        {
            await hosted.StopAsync(CancellationToken.None);
        }
        await _services.DisposeAsync();
    }
}
