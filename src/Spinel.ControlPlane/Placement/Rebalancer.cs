using System.Globalization;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;

namespace Spinel.ControlPlane.Placement;

/// <summary>
/// Decides which shards of a database move where so that it follows its <see cref="ShardsPlacement"/> again after nodes
/// were added or removed, with the fewest moves. A pure function of the state, like <see cref="ShardPlacer"/>: the same
/// state gives the same plan on every node. See <c>README.md</c> for the rules.
/// </summary>
public static partial class Rebalancer
{
    /// <summary>
    /// Plans the moves of <paramref name="bdbUid"/>'s shards: first how many shards each active node should hold
    /// (sparse: as even as room allows; dense: the fewest nodes), then which shards move, keeping every shard a node may
    /// keep. Shards on nodes that are not active (down, decommissioning) always move.
    /// </summary>
    /// <param name="maxOperations">At most this many moves (the first ones of the plan); null for no limit.</param>
    public static RebalanceResult Plan(ClusterState state, int bdbUid, int? maxOperations = null)
    {
        if (state.Bdbs.GetValueOrDefault(bdbUid) is not { } bdb)
        {
            return RebalanceResult.Fail(OperationErrorKind.NotFound, "db_not_found", $"database {bdbUid} does not exist");
        }
        var layout = new RebalanceLayout(state, bdbUid);
        var rooms = NodeRoom.Of(state, ShardMemory.PerShard(bdb), new ShardPorts(state));
        if (layout.HasReplicas && rooms.Count < 2)
        {
            return RebalanceResult.Fail(OperationErrorKind.InvalidConfiguration, ShardPlacer.InvalidReplication, string.Create(CultureInfo.InvariantCulture,
                $"replication needs at least 2 active nodes (a replica never shares its master's node); the cluster has {rooms.Count}"));
        }
        // Freeing the database's own shards gives back exactly their slots, memory and ports, so a node could hold its
        // own shards plus its room; with replicas, at most one shard of each group.
        var perNode = layout.HasReplicas ? layout.GroupCount : int.MaxValue;
        var capacity = rooms.ToDictionary(r => r.NodeUid, r => (int)Math.Min(perNode, (long)r.Room + layout.CurrentCountOn(r.NodeUid)));
        var targets = bdb.ShardsPlacement == ShardsPlacement.Sparse
            ? SparseTargets(capacity, layout)
            : DenseTargets(capacity, layout);
        if (targets is null)
        {
            return RebalanceResult.Fail(OperationErrorKind.InvalidConfiguration, ShardPlacer.InsufficientResources, string.Create(CultureInfo.InvariantCulture,
                $"the database has {layout.ShardCount} shards; the active nodes have room for {capacity.Values.Sum(c => (long)c)} of them"));
        }
        var moves = PlanMoves(layout, targets, capacity, sparse: bdb.ShardsPlacement == ShardsPlacement.Sparse, out var stuck);
        if (stuck is { } shard)
        {
            return RebalanceResult.Fail(OperationErrorKind.InvalidConfiguration, ShardPlacer.InsufficientResources, string.Create(CultureInfo.InvariantCulture,
                $"shard {shard.Uid} must leave node {shard.NodeUid} (not active) and no active node has room for it apart from its master and replicas"));
        }
        if (maxOperations is { } max && moves.Count > max)
        {
            moves = moves[..Math.Max(0, max)];
        }
        return RebalanceResult.Ok(new RebalancePlan { BdbUid = bdbUid, Moves = moves.ToValueList(), Blueprint = BlueprintAfter(state, bdbUid, moves) });
    }

    /// <summary>The layout of <paramref name="bdbUid"/>'s shards once <paramref name="moves"/> are done (none: as it is now).</summary>
    public static ValueList<BlueprintGroup> BlueprintAfter(ClusterState state, int bdbUid, IEnumerable<RebalanceMove> moves)
    {
        var layout = new RebalanceLayout(state, bdbUid);
        foreach (var move in moves)
        {
            layout.Move(move.ShardUid, move.ToNodeUid);
        }
        return layout.Blueprint();
    }
}
