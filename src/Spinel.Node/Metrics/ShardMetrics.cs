using Prometheus;
using Spinel.ControlPlane.Store;
using Spinel.Model;
using Spinel.NodeAgent;

namespace Spinel.Node.Metrics;

/// <summary>
/// Redis Enterprise v2 <c>redis_server_*</c> families for this node's shards, from the <c>INFO</c> the node agent's
/// health check last read (no second poller): one series per shard, labelled with its database and role.
/// </summary>
internal sealed class ShardMetrics
{
    private static readonly string[] Labels = ["cluster", "node", "db", "shard", "role"];

    private readonly SeriesTracker _series = new();
    private readonly Gauge _up, _usedMemory, _maxMemory, _dbKeys, _dbExpires, _clients, _linkStatus, _opsPerSec;
    private readonly Counter _evicted, _expired, _hits, _misses, _commands, _netInput, _netOutput;

    public ShardMetrics(IMetricFactory factory)
    {
        _up = Gauge(factory, "redis_server_up", "1 while the shard's redis-server answers its health checks");
        _usedMemory = Gauge(factory, "redis_server_used_memory", "used_memory of INFO, bytes");
        _maxMemory = Gauge(factory, "redis_server_maxmemory", "maxmemory of INFO, bytes");
        _dbKeys = Gauge(factory, "redis_server_db_keys", "Keys in the shard (db0)");
        _dbExpires = Gauge(factory, "redis_server_db_expires", "Keys with a time to live in the shard (db0)");
        _clients = Gauge(factory, "redis_server_connected_clients", "connected_clients of INFO");
        _linkStatus = Gauge(factory, "redis_server_master_link_status", "A replica's link to its master: 1 up, 2 down; 3 for a master (no link)");
        _opsPerSec = Gauge(factory, "redis_server_instantaneous_ops_per_sec", "instantaneous_ops_per_sec of INFO");
        _evicted = Counter(factory, "redis_server_evicted_keys", "evicted_keys of INFO");
        _expired = Counter(factory, "redis_server_expired_keys", "expired_keys of INFO");
        _hits = Counter(factory, "redis_server_keyspace_read_hits", "keyspace_hits of INFO");
        _misses = Counter(factory, "redis_server_keyspace_read_misses", "keyspace_misses of INFO");
        _commands = Counter(factory, "redis_server_total_commands_processed", "total_commands_processed of INFO");
        _netInput = Counter(factory, "redis_server_total_net_input_bytes", "total_net_input_bytes of INFO");
        _netOutput = Counter(factory, "redis_server_total_net_output_bytes", "total_net_output_bytes of INFO");
    }

    public void Update(string cluster, string node, ClusterState state, IReadOnlyList<NodeAgent.ShardStatus> shards)
    {
        foreach (var shard in shards)
        {
            var db = state.Shards.TryGetValue(shard.ShardUid, out var record) ? record.BdbUid.ToString() : "";
            var role = shard.Role == ShardRole.Replica ? "slave" : "master";
            var labels = _series.Seen(cluster, node, db, shard.ShardUid.ToString(), role);
            var up = shard.State == ShardState.Running;
            _up.WithLabels(labels).Set(up ? 1 : 0);
            _linkStatus.WithLabels(labels).Set(shard.MasterLinkUp switch { true => 1, false => 2, null => 3 });
            if (shard.Info is not { } info)
            {
                continue;
            }
            _usedMemory.WithLabels(labels).Set(info.UsedMemory);
            _maxMemory.WithLabels(labels).Set(info.MaxMemory);
            _dbKeys.WithLabels(labels).Set(info.DbKeys);
            _dbExpires.WithLabels(labels).Set(info.DbExpires);
            _clients.WithLabels(labels).Set(info.ConnectedClients);
            _opsPerSec.WithLabels(labels).Set(info.InstantaneousOpsPerSec);
            // A restarted shard starts its counters again from 0; the series is new to Prometheus only by its reset.
            SetCounter(_evicted, labels, info.EvictedKeys);
            SetCounter(_expired, labels, info.ExpiredKeys);
            SetCounter(_hits, labels, info.KeyspaceHits);
            SetCounter(_misses, labels, info.KeyspaceMisses);
            SetCounter(_commands, labels, info.TotalCommandsProcessed);
            SetCounter(_netInput, labels, info.TotalNetInputBytes);
            SetCounter(_netOutput, labels, info.TotalNetOutputBytes);
        }
        _series.RemoveUnseen();
    }

    private static void SetCounter(Counter counter, string[] labels, long value)
    {
        var child = counter.WithLabels(labels);
        if (value < child.Value)
        {
            counter.RemoveLabelled(labels);
            child = counter.WithLabels(labels);
        }
        child.IncTo(value);
    }

    private Gauge Gauge(IMetricFactory factory, string name, string help) =>
        _series.Track<Gauge, Gauge.Child>(factory.CreateGauge(name, help, Labels));

    private Counter Counter(IMetricFactory factory, string name, string help) =>
        _series.Track<Counter, Counter.Child>(factory.CreateCounter(name, help, Labels));
}
