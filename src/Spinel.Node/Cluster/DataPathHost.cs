using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Topology;
using Spinel.Discovery;
using Spinel.Dns;
using Spinel.Model;
using Spinel.NodeAgent;
using Spinel.Proxy;

namespace Spinel.Node.Cluster;

/// <summary>
/// Runs this node's data path (node agent and proxy) once the node knows its uid, i.e. once it belongs to a cluster.
/// They get the store only as topology snapshots (<see cref="ClusterTopologySource"/>) and never see the control
/// plane; they live in a host of their own because their options need the uid, which a fresh node does not have.
/// </summary>
internal sealed partial class DataPathHost(IClusterStore store, ClusterNodeOptions options, IConfiguration configuration,
    ILoggerFactory loggerFactory, TimeProvider time, WriteLease lease, NodeCertificate certificate, ILogger<DataPathHost> logger) : BackgroundService
{
    private IHost? _inner;

    /// <summary>The data path's services once it runs; null before. Tests read shard and endpoint states through it.</summary>
    public IServiceProvider? Services => _inner?.Services;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var uid = await WaitForIdentityAsync(stoppingToken).ConfigureAwait(false);
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Services.AddSingleton(loggerFactory);
        builder.Services.AddSingleton(time);
        builder.Services.AddSingleton<IHostLifetime, InnerHostLifetime>();
        builder.Services.AddSingleton<ITopologySource>(new ClusterTopologySource(store));
        builder.Services.AddSingleton<IWriteFence>(lease);
        builder.Services.AddSingleton<Spinel.Proxy.Tls.IEndpointCertificateSource>(certificate);
        builder.Services.AddNodeAgent(o =>
        {
            o.NodeUid = uid;
            o.DataDir = Path.GetFullPath(options.DataDir);
            configuration.GetSection("NodeAgent").Bind(o);
        });
        builder.Services.AddSpinelProxy(o =>
        {
            o.NodeUid = uid;
            o.BindAddress = options.Address;
            configuration.GetSection("Proxy").Bind(o);
        });
        builder.Services.AddSpinelDiscovery(o =>
        {
            o.NodeUid = uid;
            o.BindAddress = options.Address;
            configuration.GetSection("Discovery").Bind(o);
        });
        builder.Services.AddSpinelDns(o =>
        {
            o.NodeUid = uid;
            o.BindAddress = options.Address;
            configuration.GetSection("Dns").Bind(o);
        });
        _inner = builder.Build();
        await _inner.StartAsync(stoppingToken).ConfigureAwait(false);
        LogStarted(logger, uid, options.Address);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        if (_inner is { } inner)
        {
            await inner.StopAsync(cancellationToken).ConfigureAwait(false);
            inner.Dispose();
        }
    }

    private async Task<int> WaitForIdentityAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            var token = store.GetChangeToken();
            if (NodeIdentity.Find(store.Current, options) is { } node)
            {
                return node.Uid;
            }
            await token.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    [LoggerMessage(EventId = 3010, Level = LogLevel.Information, Message = "Data path started: node {Uid} at {Address} runs its shards and endpoints from the cluster store")]
    private static partial void LogStarted(ILogger logger, int uid, string address);

    /// <summary>The outer host owns signals and shutdown; the inner one only starts and stops when told.</summary>
    private sealed class InnerHostLifetime : IHostLifetime
    {
        public Task WaitForStartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
