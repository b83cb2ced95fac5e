using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Placement;

/// <summary>
/// The shards of one database while a rebalance is planned: where each runs now and where the plan puts it. A shard
/// moves at most once. Not thread-safe; lives for one <see cref="Rebalancer.Plan"/> call.
/// </summary>
internal sealed class RebalanceLayout
{
    private readonly Dictionary<int, ShardRecord> _shards;
    private readonly Dictionary<int, int> _planned;
    private readonly Dictionary<int, List<ShardRecord>> _groups;
    private readonly Dictionary<int, int> _counts;
    private readonly Dictionary<int, int> _masters;
    private readonly Dictionary<int, int> _currentCounts;

    public RebalanceLayout(ClusterState state, int bdbUid)
    {
        _shards = state.ShardsOf(bdbUid).ToDictionary(s => s.Uid);
        _planned = _shards.Values.ToDictionary(s => s.Uid, s => s.NodeUid);
        _groups = _shards.Values.GroupBy(GroupOf).ToDictionary(g => g.Key, g => g.OrderBy(s => s.Uid).ToList());
        _currentCounts = _shards.Values.GroupBy(s => s.NodeUid).ToDictionary(g => g.Key, g => g.Count());
        _counts = new Dictionary<int, int>(_currentCounts);
        _masters = _shards.Values.Where(s => s.Role == ShardRole.Master).GroupBy(s => s.NodeUid).ToDictionary(g => g.Key, g => g.Count());
    }

    public int ShardCount => _shards.Count;

    public int MasterCount => _shards.Values.Count(s => s.Role == ShardRole.Master);

    /// <summary>Whether some group has more than one shard: then a node takes at most one shard of each group.</summary>
    public bool HasReplicas => _groups.Values.Any(g => g.Count > 1);

    public int GroupCount => _groups.Count;

    /// <summary>Every node that runs a shard of the database now, by uid.</summary>
    public IEnumerable<int> CurrentNodes => _shards.Values.Select(s => s.NodeUid).Distinct().Order();

    public int CurrentCountOn(int nodeUid) => _currentCounts.GetValueOrDefault(nodeUid);

    public int CountOn(int nodeUid) => _counts.GetValueOrDefault(nodeUid);

    public int MastersOn(int nodeUid) => _masters.GetValueOrDefault(nodeUid);

    /// <summary>The shards still on <paramref name="nodeUid"/> that the plan has not moved, by uid.</summary>
    public IEnumerable<ShardRecord> UnmovedOn(int nodeUid) =>
        _shards.Values.Where(s => s.NodeUid == nodeUid && _planned[s.Uid] == nodeUid).OrderBy(s => s.Uid);

    public int PlannedNodeOf(int shardUid) => _planned[shardUid];

    /// <summary>
    /// Whether <paramref name="shard"/> may go to <paramref name="nodeUid"/>: no other shard of its group runs there now or
    /// is planned there. Both count, so that each move is valid when it runs, whatever moves come after it.
    /// </summary>
    public bool Allows(ShardRecord shard, int nodeUid) =>
        _groups[GroupOf(shard)].All(other => other.Uid == shard.Uid || (other.NodeUid != nodeUid && _planned[other.Uid] != nodeUid));

    public bool SameGroup(ShardRecord a, ShardRecord b) => GroupOf(a) == GroupOf(b);

    public void Move(int shardUid, int nodeUid)
    {
        var from = _planned[shardUid];
        var isMaster = _shards[shardUid].Role == ShardRole.Master ? 1 : 0;
        _counts[from] = _counts.GetValueOrDefault(from) - 1;
        _counts[nodeUid] = _counts.GetValueOrDefault(nodeUid) + 1;
        _masters[from] = _masters.GetValueOrDefault(from) - isMaster;
        _masters[nodeUid] = _masters.GetValueOrDefault(nodeUid) + isMaster;
        _planned[shardUid] = nodeUid;
    }

    /// <summary>Every group, master first, at its planned nodes; groups in the order of their lowest slot.</summary>
    public ValueList<BlueprintGroup> Blueprint() =>
        _groups.Values
            .Select(g => g.OrderBy(s => s.Role == ShardRole.Master ? 0 : 1).ThenBy(s => s.Uid).ToList())
            .OrderBy(g => g[0].AssignedSlots.Count == 0 ? int.MaxValue : g[0].AssignedSlots.Min(r => r.Start))
            .ThenBy(g => g[0].Uid)
            .Select(g => new BlueprintGroup(g[0].AssignedSlots,
                g.Select(s => new BlueprintShard(s.Uid, _planned[s.Uid], s.Role)).ToValueList()))
            .ToValueList();

    // A replica whose master is not stored (not expected) forms a group of its own.
    private int GroupOf(ShardRecord shard) => shard.Role == ShardRole.Replica && shard.ReplicaOf is { } master && _shards.ContainsKey(master)
        ? master
        : shard.Uid;
}
