namespace Spinel.ControlPlane.Placement;

public static partial class Rebalancer
{
    // Both rules decide only how many of the database's shards each active node holds; which shards move is decided
    // afterwards (Rebalancer.Moves.cs). A node whose target is at least what it holds keeps all of it, so every tie goes
    // to the nodes that already hold the database's shards: that is where the fewest moves come from.

    /// <summary>
    /// Sparse: the most even split the nodes' capacities allow (a water level: every node up to q shards or its capacity),
    /// the remainder one each to the nodes holding the most of the database's shards now (then by uid). Null when the
    /// capacities do not add up to the shards.
    /// </summary>
    private static Dictionary<int, int>? SparseTargets(IReadOnlyDictionary<int, int> capacity, RebalanceLayout layout)
    {
        var total = layout.ShardCount;
        var level = 0;
        while (level < total && capacity.Values.Sum(c => (long)Math.Min(c, level + 1)) <= total)
        {
            level++;
        }
        var targets = capacity.ToDictionary(c => c.Key, c => Math.Min(c.Value, level));
        var remainder = total - targets.Values.Sum();
        var extra = capacity.Where(c => c.Value > level)
            .OrderByDescending(c => layout.CurrentCountOn(c.Key)).ThenBy(c => c.Key)
            .Take(remainder)
            .ToList();
        if (extra.Count < remainder)
        {
            return null;
        }
        foreach (var (node, _) in extra)
        {
            targets[node]++;
        }
        return targets;
    }

    /// <summary>
    /// Dense: as few nodes as can hold the shards (k, from the largest capacities); of the node sets of that size, the
    /// one picked greedily by the most shards held now, then the most capacity, then uid, skipping a node only when
    /// taking it would leave no way to reach k nodes. Each picked node keeps what it holds; the rest fill the picked nodes
    /// in that order. Null when all nodes together are too small.
    /// </summary>
    private static Dictionary<int, int>? DenseTargets(IReadOnlyDictionary<int, int> capacity, RebalanceLayout layout)
    {
        var total = layout.ShardCount;
        var largest = capacity.Values.OrderDescending().ToList();
        var nodesNeeded = 0;
        for (long sum = 0; sum < total; nodesNeeded++)
        {
            if (nodesNeeded == largest.Count)
            {
                return null;
            }
            sum += largest[nodesNeeded];
        }
        var order = capacity.Keys
            .OrderByDescending(layout.CurrentCountOn).ThenByDescending(n => capacity[n]).ThenBy(n => n)
            .ToList();
        var picked = new List<int>();
        long pickedCapacity = 0;
        for (var i = 0; i < order.Count && picked.Count < nodesNeeded; i++)
        {
            var rest = order.Skip(i + 1).Select(n => (long)capacity[n]).OrderDescending().Take(nodesNeeded - picked.Count - 1).Sum();
            if (pickedCapacity + capacity[order[i]] + rest >= total)
            {
                picked.Add(order[i]);
                pickedCapacity += capacity[order[i]];
            }
        }
        var targets = capacity.Keys.ToDictionary(n => n, _ => 0);
        foreach (var node in picked)
        {
            targets[node] = Math.Min(capacity[node], layout.CurrentCountOn(node));
        }
        var left = total - targets.Values.Sum();
        foreach (var node in picked)
        {
            var add = Math.Min(left, capacity[node] - targets[node]);
            targets[node] += add;
            left -= add;
        }
        return targets;
    }
}
