using Prometheus;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;

namespace Spinel.Node.Metrics;

/// <summary>
/// Redis Enterprise v2 cluster, node and database families: <c>has_quorum</c>, <c>is_primary</c>,
/// <c>total_nodes_count</c>, <c>total_live_nodes_count</c>, <c>node_*</c> of this node, <c>db_*</c> of every database
/// (as this node's copy of the cluster store has them).
/// </summary>
internal sealed class ClusterMetrics
{
    private static readonly string[] ClusterLabels = ["cluster"];
    private static readonly string[] NodeLabels = ["cluster", "node"];
    private static readonly string[] DbLabels = ["cluster", "db"];
    private static readonly string[] DbConfigLabels = ["cluster", "db", "db_name", "db_port", "db_version", "shards_count", "replication", "sharding"];

    private readonly SeriesTracker _dbSeries = new();
    private readonly SeriesTracker _configSeries = new();
    private readonly Gauge _hasQuorum, _isPrimary, _nodes, _liveNodes;
    private readonly Gauge _nodeUp, _memoryTotal, _memoryAvailable, _memoryFree, _nodeShards;
    private readonly Gauge _cpuUser, _cpuSystem, _cpuIdle;
    private readonly Gauge _dbStatus, _dbMemoryLimit, _dbShards, _dbConfig;

    public ClusterMetrics(IMetricFactory factory)
    {
        _hasQuorum = factory.CreateGauge("has_quorum", "1 while this node is part of a majority that has a leader", ClusterLabels);
        _isPrimary = factory.CreateGauge("is_primary", "1 on the node that leads the cluster (its Raft leader)", NodeLabels);
        _nodes = factory.CreateGauge("total_nodes_count", "Nodes in the cluster", ClusterLabels);
        _liveNodes = factory.CreateGauge("total_live_nodes_count", "Nodes in the cluster that are not down", ClusterLabels);
        _nodeUp = factory.CreateGauge("node_metrics_up", "1: this node's exporter answers", NodeLabels);
        _memoryTotal = factory.CreateGauge("node_memory_MemTotal_bytes", "Memory of the machine, bytes", NodeLabels);
        _memoryAvailable = factory.CreateGauge("node_available_memory_bytes", "Memory available to new work on the machine, bytes", NodeLabels);
        _memoryFree = factory.CreateGauge("node_memory_MemFree_bytes", "Unused memory of the machine, bytes", NodeLabels);
        _cpuUser = factory.CreateGauge("node_cpu_user", "CPU seconds the machine spent in user mode since boot", NodeLabels);
        _cpuSystem = factory.CreateGauge("node_cpu_system", "CPU seconds the machine spent in kernel mode since boot", NodeLabels);
        _cpuIdle = factory.CreateGauge("node_cpu_idle", "CPU seconds the machine was idle since boot", NodeLabels);
        _nodeShards = factory.CreateGauge("node_shards_count", "Shards placed on this node", NodeLabels);
        _dbStatus = _dbSeries.Track<Gauge, Gauge.Child>(factory.CreateGauge("db_status", "1 while the database is active, 0 otherwise", DbLabels));
        _dbMemoryLimit = _dbSeries.Track<Gauge, Gauge.Child>(factory.CreateGauge("db_memory_limit_bytes", "The database's memory_size, bytes", DbLabels));
        _dbShards = _dbSeries.Track<Gauge, Gauge.Child>(factory.CreateGauge("db_shards_count", "Master shards of the database", DbLabels));
        _dbConfig = _configSeries.Track<Gauge, Gauge.Child>(factory.CreateGauge("db_config", "Always 1; the database's configuration in its labels", DbConfigLabels));
    }

    public void Update(string cluster, int nodeUid, IClusterStore store)
    {
        var state = store.Current;
        var node = nodeUid > 0 ? nodeUid.ToString() : "";
        _hasQuorum.WithLabels(cluster).Set(store.HasQuorum ? 1 : 0);
        _isPrimary.WithLabels(cluster, node).Set(store.IsLeader ? 1 : 0);
        _nodes.WithLabels(cluster).Set(state.Nodes.Count);
        _liveNodes.WithLabels(cluster).Set(state.Nodes.Values.Count(n => n.Status != NodeStatus.Down));
        _nodeUp.WithLabels(cluster, node).Set(1);
        var host = HostResources.Read();
        _memoryTotal.WithLabels(cluster, node).Set(host.MemoryTotal);
        _memoryAvailable.WithLabels(cluster, node).Set(host.MemoryAvailable);
        _memoryFree.WithLabels(cluster, node).Set(host.MemoryFree);
        _cpuUser.WithLabels(cluster, node).Set(host.CpuUserSeconds);
        _cpuSystem.WithLabels(cluster, node).Set(host.CpuSystemSeconds);
        _cpuIdle.WithLabels(cluster, node).Set(host.CpuIdleSeconds);
        _nodeShards.WithLabels(cluster, node).Set(state.ShardsOnNode(nodeUid).Count());
        foreach (var bdb in state.Bdbs.Values)
        {
            var labels = _dbSeries.Seen(cluster, bdb.Uid.ToString());
            _dbStatus.WithLabels(labels).Set(bdb.Status == BdbStatus.Active ? 1 : 0);
            _dbMemoryLimit.WithLabels(labels).Set(bdb.MemorySize);
            _dbShards.WithLabels(labels).Set(bdb.ShardsCount);
            _dbConfig.WithLabels(_configSeries.Seen(cluster, bdb.Uid.ToString(), bdb.Name, bdb.Port.ToString(), bdb.RedisVersion,
                bdb.ShardsCount.ToString(), bdb.Replication ? "true" : "false", bdb.Sharding ? "true" : "false")).Set(1);
        }
        _dbSeries.RemoveUnseen();
        _configSeries.RemoveUnseen();
    }
}
