using Microsoft.Extensions.DependencyInjection;
using Spinel.Api.Stats;
using Spinel.ControlPlane;
using Spinel.Model;
using Spinel.Node.Cluster;
using Spinel.NodeAgent;
using Spinel.Proxy.Metrics;

namespace Spinel.Node.Stats;

/// <summary>
/// This node's share of the stats: its endpoints' counters (per database) and its shards' last <c>INFO</c> (per shard,
/// and per database: memory of every shard, keys and hits of the masters only, so that nodes' shares add up).
/// </summary>
internal sealed class NodeStatsSampler(IClusterStore store, DataPathHost dataPath, ClusterNodeOptions options, TimeProvider time) : IStatsSampler
{
    public StatsSnapshot Capture()
    {
        var state = store.Current;
        var services = dataPath.Services;
        var endpoints = services?.GetService<IEndpointMetricsProvider>()?.GetEndpointCounters() ?? [];
        var shards = services?.GetService<IShardStatusProvider>()?.GetStatuses() ?? [];
        var bdbs = new Dictionary<int, StatsFigures>();
        var shardFigures = new Dictionary<int, StatsFigures>();
        foreach (var endpoint in endpoints)
        {
            Add(bdbs, endpoint.BdbUid, FromEndpoint(endpoint));
        }
        foreach (var shard in shards)
        {
            if (shard.Info is not { } info)
            {
                continue;
            }
            var isMaster = shard.Role != ShardRole.Replica;
            var figures = FromShard(info, isMaster);
            shardFigures[shard.ShardUid] = figures;
            if (state.Shards.TryGetValue(shard.ShardUid, out var record))
            {
                Add(bdbs, record.BdbUid, figures);
            }
        }
        var total = bdbs.Values.Aggregate(StatsFigures.Zero, (a, b) => a.Plus(b));
        var nodeUid = NodeIdentity.Find(state, options)?.Uid ?? 0;
        return new StatsSnapshot(time.GetUtcNow(), new Dictionary<StatsKind, IReadOnlyDictionary<int, StatsFigures>>
        {
            [StatsKind.Bdb] = bdbs,
            [StatsKind.Shard] = shardFigures,
            [StatsKind.Node] = nodeUid > 0 ? new Dictionary<int, StatsFigures> { [nodeUid] = total } : new Dictionary<int, StatsFigures>(),
            [StatsKind.Cluster] = new Dictionary<int, StatsFigures> { [0] = total },
        });
    }

    private static void Add(Dictionary<int, StatsFigures> figures, int uid, StatsFigures more) =>
        figures[uid] = figures.TryGetValue(uid, out var existing) ? existing.Plus(more) : more;

    private static StatsFigures FromEndpoint(EndpointCounterSnapshot endpoint)
    {
        var latency = new[] { endpoint.ReadLatency, endpoint.WriteLatency, endpoint.OtherLatency };
        return new StatsFigures
        {
            ReadRequests = endpoint.ReadRequests,
            WriteRequests = endpoint.WriteRequests,
            OtherRequests = endpoint.OtherRequests,
            LatencySumMicroseconds = latency.Sum(l => l.SumMicroseconds),
            LatencyCount = latency.Sum(l => l.Count),
            IngressBytes = endpoint.IngressBytes,
            EgressBytes = endpoint.EgressBytes,
            Connections = endpoint.Connections,
        };
    }

    // A replica's keys and hits are its master's again: counted once, on the master.
    private static StatsFigures FromShard(ShardInfoSample info, bool isMaster) => new()
    {
        UsedMemory = info.UsedMemory,
        Keys = isMaster ? info.DbKeys : 0,
        ReadHits = isMaster ? info.KeyspaceHits : 0,
        ReadMisses = isMaster ? info.KeyspaceMisses : 0,
        EvictedObjects = isMaster ? info.EvictedKeys : 0,
        ExpiredObjects = isMaster ? info.ExpiredKeys : 0,
    };
}
