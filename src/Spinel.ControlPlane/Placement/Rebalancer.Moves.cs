using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Placement;

public static partial class Rebalancer
{
    /// <summary>
    /// Moves shards off every node that holds more than its target (nodes that are not active first, their target is 0)
    /// onto nodes below theirs, one shard at a time. A shard that no node below its target may take (they hold its master
    /// or replica) goes, when sparse, to a node one below such a node's target, which takes over the extra shard of that
    /// target; failing that it trades places with a shard of a node at its target (two moves). <paramref name="stuck"/>
    /// names a shard that must leave an inactive node and cannot; an active node that cannot shed its excess keeps it.
    /// </summary>
    private static List<RebalanceMove> PlanMoves(RebalanceLayout layout, Dictionary<int, int> targets, IReadOnlyDictionary<int, int> capacity,
        bool sparse, out ShardRecord? stuck)
    {
        stuck = null;
        var moves = new List<RebalanceMove>();
        var usedNodes = Math.Max(1, targets.Values.Count(t => t > 0));
        // With masters spread, no node should end with more than its share of them.
        var masterShare = (layout.MasterCount + usedNodes - 1) / usedNodes;
        var sources = layout.CurrentNodes.OrderBy(n => targets.ContainsKey(n) ? 1 : 0).ThenBy(n => n).ToList();
        foreach (var source in sources)
        {
            var target = targets.GetValueOrDefault(source);
            while (layout.CountOn(source) > target)
            {
                var candidates = CandidatesToMove(layout, source, sparse && layout.MastersOn(source) > masterShare);
                if (!MoveOne(layout, candidates, targets, sparse, moves) &&
                    !(sparse && ShiftOne(layout, candidates, targets, capacity, moves)) &&
                    !TradeOne(layout, candidates, targets, moves))
                {
                    if (!targets.ContainsKey(source))
                    {
                        stuck = candidates.FirstOrDefault();
                        return moves;
                    }
                    break;
                }
            }
        }
        return moves;
    }

    // Replicas first: moving one needs no handover. Masters first only when the node holds more than its share of them.
    private static List<ShardRecord> CandidatesToMove(RebalanceLayout layout, int source, bool mastersFirst) =>
        [.. layout.UnmovedOn(source).OrderBy(s => (s.Role == ShardRole.Master) == mastersFirst ? 0 : 1).ThenBy(s => s.Uid)];

    private static bool MoveOne(RebalanceLayout layout, List<ShardRecord> candidates, IReadOnlyDictionary<int, int> targets, bool spreadMasters,
        List<RebalanceMove> moves)
    {
        foreach (var shard in candidates)
        {
            var spreading = spreadMasters && shard.Role == ShardRole.Master;
            var destination = Below(layout, targets)
                .Where(n => n != shard.NodeUid && layout.Allows(shard, n))
                .OrderBy(n => spreading ? layout.MastersOn(n) : 0)
                .ThenByDescending(n => targets[n] - layout.CountOn(n))
                .ThenBy(n => n)
                .Select(n => (int?)n)
                .FirstOrDefault();
            if (destination is { } node)
            {
                layout.Move(shard.Uid, node);
                moves.Add(new RebalanceMove(shard.Uid, shard.NodeUid, node));
                return true;
            }
        }
        return false;
    }

    /// <summary>
    /// Sparse targets differ by at most one, and which nodes got the larger ones was a tie-break: a node at the smaller
    /// target that may take the shard takes over the larger target of a node below it that refuses the shard.
    /// </summary>
    private static bool ShiftOne(RebalanceLayout layout, List<ShardRecord> candidates, Dictionary<int, int> targets, IReadOnlyDictionary<int, int> capacity,
        List<RebalanceMove> moves)
    {
        foreach (var shard in candidates)
        {
            foreach (var below in Below(layout, targets).Order().ToList())
            {
                var taker = targets.Keys
                    .Where(n => n != shard.NodeUid && targets[n] == targets[below] - 1 && capacity[n] > targets[n] && layout.CountOn(n) <= targets[n])
                    .Where(n => layout.Allows(shard, n))
                    .Order()
                    .Select(n => (int?)n)
                    .FirstOrDefault();
                if (taker is { } node)
                {
                    targets[below]--;
                    targets[node]++;
                    layout.Move(shard.Uid, node);
                    moves.Add(new RebalanceMove(shard.Uid, shard.NodeUid, node));
                    return true;
                }
            }
        }
        return false;
    }

    /// <summary>
    /// For a shard that every node below its target refuses (they hold its master or replica): a node at or below its
    /// target that may take it gives one of its own shards to the refusing node instead, so the counts still reach
    /// their targets. The giving shard moves first, so the node has room when the traded one arrives.
    /// </summary>
    private static bool TradeOne(RebalanceLayout layout, List<ShardRecord> candidates, IReadOnlyDictionary<int, int> targets, List<RebalanceMove> moves)
    {
        foreach (var shard in candidates)
        {
            foreach (var below in Below(layout, targets).Where(n => n != shard.NodeUid).OrderByDescending(n => targets[n] - layout.CountOn(n)).ThenBy(n => n))
            {
                foreach (var via in targets.Keys.Where(n => n != shard.NodeUid && n != below && layout.CountOn(n) <= targets[n] && layout.Allows(shard, n)).Order())
                {
                    var giving = layout.UnmovedOn(via)
                        .Where(s => !layout.SameGroup(s, shard) && layout.Allows(s, below))
                        .OrderBy(s => s.Role == ShardRole.Master ? 1 : 0).ThenBy(s => s.Uid)
                        .FirstOrDefault();
                    if (giving is null)
                    {
                        continue;
                    }
                    layout.Move(giving.Uid, below);
                    moves.Add(new RebalanceMove(giving.Uid, via, below));
                    layout.Move(shard.Uid, via);
                    moves.Add(new RebalanceMove(shard.Uid, shard.NodeUid, via));
                    return true;
                }
            }
        }
        return false;
    }

    private static IEnumerable<int> Below(RebalanceLayout layout, IReadOnlyDictionary<int, int> targets) =>
        targets.Where(t => layout.CountOn(t.Key) < t.Value).Select(t => t.Key);
}
