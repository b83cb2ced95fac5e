using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Spinel.Api;
using Spinel.Api.Bootstrap;
using Spinel.Api.Stats;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Raft;
using Spinel.Model;
using Spinel.Node.Heartbeats;
using Spinel.Node.Metrics;
using Spinel.Node.Stats;
using Spinel.WebConsole;

namespace Spinel.Node.Cluster;

/// <summary>
/// Composes a cluster node: the REST API on HTTPS and HTTP, the Raft cluster store, the orchestrator (active while
/// this node leads), and the data path (node agent and proxy) once the node belongs to a cluster.
/// </summary>
public static class ClusterNodeApp
{
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? customize = null)
    {
        var builder = WebApplication.CreateBuilder(args);
        // Defaults below every other source: per-request logs (heartbeats arrive ten times a second per node) only
        // when asked for.
        builder.Configuration.Sources.Insert(0, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource
        {
            InitialData = new Dictionary<string, string?> { ["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning" },
        });
        var node = builder.Configuration.GetSection("Node").Get<ClusterNodeOptions>() ?? new ClusterNodeOptions();
        var address = IPAddress.Parse(node.Address);

        builder.Services.AddSingleton(node);
        builder.Services.TryAddSingleton(TimeProvider.System);

        // Raft over mutual TLS by default; --ControlPlane:RaftTls false turns it off (on every node at once).
        var storeOptions = new ControlPlaneOptions { DataDir = Path.GetFullPath(node.DataDir), RaftEndPoint = node.RaftEndPoint, RaftTls = true };
        builder.Configuration.GetSection("ControlPlane").Bind(storeOptions);
        builder.Services.AddSingleton(Options.Create(storeOptions));
        builder.Services.AddSingleton<RaftTransportCredentials>();
        builder.Services.AddSingleton<RaftClusterStore>();
        builder.Services.AddSingleton<IClusterStore>(sp => sp.GetRequiredService<RaftClusterStore>());

        builder.Services.AddSingleton<BootstrapService>();
        builder.Services.AddSingleton<IBootstrapService>(sp => sp.GetRequiredService<BootstrapService>());
        builder.Services.AddHostedService(sp => sp.GetRequiredService<BootstrapService>());

        builder.Services.AddSingleton<NodeCertificate>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<NodeCertificate>());

        builder.Services.AddOptions<OrchestratorOptions>().Bind(builder.Configuration.GetSection("Orchestrator"));
        builder.Services.TryAddSingleton<IReadinessProbe, RespPingProbe>();
        builder.Services.AddSingleton<IDatabaseOperations, DatabaseOperations>();
        builder.Services.AddSingleton<INodeOperations, NodeOperations>();
        builder.Services.AddSingleton<IShardOperations, ShardOperations>();
        builder.Services.AddSingleton<IRebalanceOperations, RebalanceOperations>();
        builder.Services.AddSingleton<IDataTransferOperations, DataTransferOperations>();
        builder.Services.TryAddSingleton<Spinel.ControlPlane.Resharding.IShardTrimmer, Spinel.ControlPlane.Resharding.RedisShardTrimmer>();
        builder.Services.AddHostedService<Orchestrator>();

        builder.Services.AddSingleton<IClusterHealth>(sp => new ClusterHealthRegistry(sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddSingleton<LeaderFence>();
        // Closed until the leader first grants it: a node that starts cut off must not take writes.
        builder.Services.AddSingleton(new WriteLease(openUntil: 0));
        builder.Services.AddHostedService<ClusterWatchdog>();
        builder.Services.AddHostedService<Spinel.ControlPlane.Backups.BackupScheduler>();
        builder.Services.AddHostedService<Spinel.ControlPlane.Recovery.ClusterStoreFileWriter>();
        builder.Services.AddHostedService<HeartbeatSender>();
        builder.Services.AddHostedService<RemovalWatcher>();

        builder.Services.AddSingleton<DataPathHost>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DataPathHost>());

        var apiSection = builder.Configuration.GetSection("Api");
        builder.Services.AddSpinelApi(options => apiSection.Bind(options));

        var metrics = builder.Configuration.GetSection("Metrics").Get<MetricsOptions>() ?? new MetricsOptions();
        builder.Services.AddSingleton<NodeMetricsExporter>();
        builder.Services.AddSingleton<IStatsSampler, NodeStatsSampler>();
        builder.Services.AddSpinelStats();

        builder.WebHost.ConfigureKestrel((context, kestrel) =>
        {
            kestrel.Listen(address, node.RestPort, listen => listen.UseHttps(https =>
            {
                var certificates = kestrel.ApplicationServices.GetRequiredService<NodeCertificate>();
                https.ServerCertificateSelector = (_, _) => certificates.ApiCertificate;
            }));
            if (node.HttpPort > 0)
            {
                kestrel.Listen(address, node.HttpPort);
            }
            if (metrics.Port > 0)
            {
                kestrel.Listen(address, metrics.Port);
            }
        });
        customize?.Invoke(builder);

        var app = builder.Build();
        app.MapSpinelApi().MapSpinelStats();
        app.MapHeartbeat();
        if (metrics.Port > 0)
        {
            app.MapNodeMetrics(metrics.Port);
        }
        app.MapSpinelConsole();
        return app;
    }
}
