using System.Collections.Concurrent;
using Microsoft.Extensions.Primitives;

namespace Spinel.ControlPlane.Health;

/// <summary>The in-memory <see cref="IClusterHealth"/> of this node.</summary>
public sealed class ClusterHealthRegistry : IClusterHealth
{
    private const int NeverHeardGrace = 5;

    private readonly TimeProvider _time;
    private readonly ConcurrentDictionary<int, Entry> _nodes = new();
    private readonly ConcurrentDictionary<int, long> _firstAsked = new();
    private readonly Lock _gate = new();
    private CancellationTokenSource _changed = new();

    public ClusterHealthRegistry(TimeProvider time)
    {
        _time = time;
    }

    public void Record(NodeReport report)
    {
        var entry = new Entry(report, _time.GetTimestamp(), _time.GetUtcNow());
        var previous = _nodes.TryGetValue(report.NodeUid, out var old) ? old : null;
        _nodes[report.NodeUid] = entry;
        if (previous is null || Differs(previous.Report, report))
        {
            SignalChange();
        }
    }

    public NodeHealth? GetNode(int nodeUid) =>
        _nodes.TryGetValue(nodeUid, out var entry)
            ? new NodeHealth(entry.Report, entry.ReceivedAt, _time.GetElapsedTime(entry.Timestamp))
            : null;

    public bool IsAlive(int nodeUid, TimeSpan timeout)
    {
        if (_nodes.TryGetValue(nodeUid, out var entry))
        {
            return _time.GetElapsedTime(entry.Timestamp) < timeout;
        }
        // A node never heard from may have just joined: its heartbeats start only once its join is done, which takes
        // longer than a node timeout on a busy machine, so it gets a few timeouts from when it was first asked about.
        var since = _firstAsked.GetOrAdd(nodeUid, _ => _time.GetTimestamp());
        return _time.GetElapsedTime(since) < NeverHeardGrace * timeout;
    }

    public ShardReport? GetShard(int shardUid, int nodeUid)
    {
        if (!_nodes.TryGetValue(nodeUid, out var entry))
        {
            return null;
        }
        foreach (var shard in entry.Report.Shards)
        {
            if (shard.Uid == shardUid)
            {
                return shard;
            }
        }
        return null;
    }

    public IChangeToken GetChangeToken()
    {
        lock (_gate)
        {
            return new CancellationChangeToken(_changed.Token);
        }
    }

    private void SignalChange()
    {
        CancellationTokenSource fired;
        lock (_gate)
        {
            fired = _changed;
            _changed = new CancellationTokenSource();
        }
        fired.Cancel();
        fired.Dispose();
    }

    // Offsets move all the time; only what a failover decision reads counts as a change.
    private static bool Differs(NodeReport before, NodeReport after)
    {
        if (before.Shards.Count != after.Shards.Count || before.TopologyVersion != after.TopologyVersion)
        {
            return true;
        }
        for (var i = 0; i < after.Shards.Count; i++)
        {
            var a = before.Shards[i];
            var b = after.Shards[i];
            if (a.Uid != b.Uid || a.State != b.State || a.Role != b.Role || a.MasterLinkUp != b.MasterLinkUp ||
                a.AwaitingDecision != b.AwaitingDecision || a.Generation != b.Generation)
            {
                return true;
            }
        }
        return false;
    }

    private sealed record Entry(NodeReport Report, long Timestamp, DateTimeOffset ReceivedAt);
}
