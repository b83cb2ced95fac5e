using Microsoft.Extensions.DependencyInjection;
using Prometheus;
using Spinel.ControlPlane;
using Spinel.Node.Cluster;
using Spinel.NodeAgent;
using Spinel.Proxy.Metrics;

namespace Spinel.Node.Metrics;

/// <summary>
/// The node's Prometheus registry. Nothing is recorded into it on the data path: just before each scrape it reads the
/// proxy's counters, the node agent's last shard <c>INFO</c>s and the cluster store, and sets its families from them.
/// The registry is the node's own (not prometheus-net's static default), so nodes in one process never mix.
/// </summary>
internal sealed class NodeMetricsExporter
{
    private readonly Lock _gate = new();
    private readonly IClusterStore _store;
    private readonly DataPathHost _dataPath;
    private readonly ClusterNodeOptions _options;
    private readonly EndpointMetrics _endpoints;
    private readonly ShardMetrics _shards;
    private readonly ClusterMetrics _cluster;

    public NodeMetricsExporter(IClusterStore store, DataPathHost dataPath, ClusterNodeOptions options)
    {
        _store = store;
        _dataPath = dataPath;
        _options = options;
        Registry = Prometheus.Metrics.NewCustomRegistry();
        var factory = Prometheus.Metrics.WithCustomRegistry(Registry);
        _endpoints = new EndpointMetrics(factory);
        _shards = new ShardMetrics(factory);
        _cluster = new ClusterMetrics(factory);
        Registry.AddBeforeCollectCallback(Update);
    }

    public CollectorRegistry Registry { get; }

    private void Update()
    {
        lock (_gate)
        {
            var state = _store.Current;
            var cluster = state.Cluster?.Name ?? "";
            var nodeUid = NodeIdentity.Find(state, _options)?.Uid ?? 0;
            var node = nodeUid.ToString();
            _cluster.Update(cluster, nodeUid, _store);
            var services = _dataPath.Services;
            _endpoints.Update(cluster, node, services?.GetService<IEndpointMetricsProvider>()?.GetEndpointCounters() ?? []);
            _shards.Update(cluster, node, state, services?.GetService<IShardStatusProvider>()?.GetStatuses() ?? []);
        }
    }
}
