namespace Spinel.ControlPlane.Placement;

public static partial class ShardPlacer
{
    // Both policies first decide how many shards each node takes (at most `count` per node with replication), then lay
    // the nodes out in blocks: node a's shards, then node b's ... Pairing position j with position j + count never pairs
    // a node with itself, because no block is longer than `count`. So a master and its replica always land on different
    // nodes, and the placement succeeds whenever the capacity check in Place passed.

    /// <summary>Fewest nodes: nodes with the most room first (ties by uid), each filled before the next; masters take the first half of the blocks.</summary>
    private static (List<int> Masters, List<int> Replicas) Dense(List<NodeRoom> rooms, int count, bool replication)
    {
        var perNode = replication ? count : int.MaxValue;
        var needed = replication ? 2 * count : count;
        var blocks = new List<int>(needed);
        foreach (var room in rooms.OrderByDescending(r => r.Room).ThenBy(r => r.NodeUid))
        {
            var take = Math.Min(Math.Min(room.Room, perNode), needed - blocks.Count);
            blocks.AddRange(Enumerable.Repeat(room.NodeUid, take));
        }
        return (blocks[..count], replication ? blocks[count..] : []);
    }

    /// <summary>
    /// Most nodes: one shard per node in turn, nodes with the fewest shards first (ties by uid), skipping full ones. Without
    /// replication masters follow that round robin; with it, each pair's master goes to whichever of its two nodes holds
    /// fewer masters so far (the first on a tie), so masters spread as well.
    /// </summary>
    private static (List<int> Masters, List<int> Replicas) Sparse(List<NodeRoom> rooms, int count, bool replication)
    {
        var perNode = replication ? count : int.MaxValue;
        var needed = replication ? 2 * count : count;
        var order = rooms.OrderBy(r => r.ShardCount).ThenBy(r => r.NodeUid).ToList();
        var taken = new int[order.Count];
        var turns = new List<int>(needed);
        while (turns.Count < needed)
        {
            var before = turns.Count;
            for (var i = 0; i < order.Count && turns.Count < needed; i++)
            {
                if (taken[i] < Math.Min(order[i].Room, perNode))
                {
                    taken[i]++;
                    turns.Add(order[i].NodeUid);
                }
            }
            if (turns.Count == before)
            {
                throw new InvalidOperationException("the nodes have less room than Place checked");
            }
        }
        if (!replication)
        {
            return (turns, []);
        }
        var blocks = order.SelectMany((room, i) => Enumerable.Repeat(room.NodeUid, taken[i])).ToList();
        var mastersOn = new Dictionary<int, int>();
        var masters = new List<int>(count);
        var replicas = new List<int>(count);
        for (var j = 0; j < count; j++)
        {
            var (first, second) = (blocks[j], blocks[j + count]);
            var master = mastersOn.GetValueOrDefault(second) < mastersOn.GetValueOrDefault(first) ? second : first;
            mastersOn[master] = mastersOn.GetValueOrDefault(master) + 1;
            masters.Add(master);
            replicas.Add(master == first ? second : first);
        }
        return (masters, replicas);
    }
}
