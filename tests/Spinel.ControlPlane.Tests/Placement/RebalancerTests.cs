using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.Model;
using static Spinel.ControlPlane.Tests.Placement.TestState;

namespace Spinel.ControlPlane.Tests.Placement;

public sealed class RebalancerTests
{
    private static readonly SlotRange Low = new(0, 8191);
    private static readonly SlotRange High = new(8192, 16383);

    private static RebalancePlan Plan(ClusterState state, int bdbUid = 1, int? maxOperations = null)
    {
        var result = Rebalancer.Plan(state, bdbUid, maxOperations);
        Assert.True(result.Succeeded, result.Error?.Description);
        return result.Plan;
    }

    // The sparse placement of 2 masters + 2 replicas on 3 nodes: P1@1, R1@2, P2@3, R2@1 (ShardPlacerTests).
    private static TestState SparsePairsOnThreeNodes() => new TestState()
        .With(Bdb(1, shards: 2, replication: true, placement: ShardsPlacement.Sparse))
        .Shard(1, 1, 1, 20001, slots: Low).Shard(2, 1, 3, 20002, slots: High)
        .Shard(3, 1, 2, 20003, replicaOf: 1, slots: Low).Shard(4, 1, 1, 20004, replicaOf: 2, slots: High);

    private static string Describe(IEnumerable<BlueprintGroup> blueprint) =>
        string.Join(" ", blueprint.Select(g => $"{g.Slots[0]}:" + string.Join(",", g.Shards.Select(s => $"{(s.Role == ShardRole.Master ? "M" : "R")}{s.NodeUid}"))));

    private static Dictionary<int, int> CountsAfter(RebalancePlan plan) =>
        plan.Blueprint.SelectMany(g => g.Shards).GroupBy(s => s.NodeUid).ToDictionary(g => g.Key, g => g.Count());

    [Fact]
    public void Plan_SparsePairsAfterAFourthNode_MovesOnlyTheSecondShardOfTheFullestNode()
    {
        var state = SparsePairsOnThreeNodes().Nodes(4).Build();

        var plan = Plan(state);

        // Node 1 holds two shards and every node should hold one: its replica goes, its master stays.
        Assert.Equal([new RebalanceMove(4, 1, 4)], plan.Moves);
        Assert.Equal("0-8191:M1,R2 8192-16383:M3,R4", Describe(plan.Blueprint));
    }

    [Fact]
    public void Plan_SparseAlreadyEven_MovesNothing()
    {
        var state = SparsePairsOnThreeNodes().Nodes(3).Build();

        var plan = Plan(state);

        Assert.Empty(plan.Moves);
        Assert.Equal("0-8191:M1,R2 8192-16383:M3,R1", Describe(plan.Blueprint));
    }

    [Fact]
    public void Plan_SparseWithoutReplicationAfterTwoNewNodes_MovesOneShardFromEachOldNode()
    {
        var state = new TestState().Nodes(4).With(Bdb(1, shards: 4, placement: ShardsPlacement.Sparse))
            .Shard(1, 1, 1, 20001).Shard(2, 1, 2, 20002).Shard(3, 1, 1, 20003).Shard(4, 1, 2, 20004).Build();

        var plan = Plan(state);

        Assert.Equal([new RebalanceMove(1, 1, 3), new RebalanceMove(2, 2, 4)], plan.Moves);
        Assert.All(CountsAfter(plan).Values, count => Assert.Equal(1, count));
    }

    [Fact]
    public void Plan_SparseWithoutReplicationAfterOneNewNode_MovesOneShard()
    {
        // 4 shards on 3 nodes: 2+1+1; the node that keeps two is one that holds two already.
        var state = new TestState().Nodes(3).With(Bdb(1, shards: 4, placement: ShardsPlacement.Sparse))
            .Shard(1, 1, 1, 20001).Shard(2, 1, 2, 20002).Shard(3, 1, 1, 20003).Shard(4, 1, 2, 20004).Build();

        var plan = Plan(state);

        Assert.Equal([new RebalanceMove(2, 2, 3)], plan.Moves);
        Assert.Equal(new Dictionary<int, int> { [1] = 2, [2] = 1, [3] = 1 }, CountsAfter(plan));
    }

    [Fact]
    public void Plan_SparseThreePairsOnTwoNodesAfterAThirdNode_TwoMovesAndOneMasterPerNode()
    {
        // P1@1 P2@2 P3@1, R1@2 R2@1 R3@2 (the sparse placement of 3 pairs on 2 nodes).
        var state = new TestState().Nodes(3).With(Bdb(1, shards: 3, replication: true, placement: ShardsPlacement.Sparse))
            .Shard(1, 1, 1, 20001).Shard(2, 1, 2, 20002).Shard(3, 1, 1, 20003)
            .Shard(4, 1, 2, 20004, replicaOf: 1).Shard(5, 1, 1, 20005, replicaOf: 2).Shard(6, 1, 2, 20006, replicaOf: 3).Build();

        var plan = Plan(state);

        Assert.Equal(2, plan.Moves.Count);
        Assert.All(CountsAfter(plan).Values, count => Assert.Equal(2, count));
        var masters = plan.Blueprint.Select(g => g.Shards[0].NodeUid).Order();
        Assert.Equal([1, 2, 3], masters);
        AssertPairsApart(plan);
    }

    [Fact]
    public void Plan_DensePacked_MovesNothingEvenWhenABiggerNodeJoins()
    {
        // Masters on node 1, replicas on node 2 (the dense placement); node 4 has far more memory than the others.
        var state = new TestState().Nodes(3, totalMemory: 4 * GB).Node(4, totalMemory: 64 * GB)
            .With(Bdb(1, shards: 2, replication: true, memory: 1 * GB))
            .Shard(1, 1, 1, 20001, slots: Low).Shard(2, 1, 1, 20002, slots: High)
            .Shard(3, 1, 2, 20003, replicaOf: 1, slots: Low).Shard(4, 1, 2, 20004, replicaOf: 2, slots: High).Build();

        var plan = Plan(state);

        Assert.Empty(plan.Moves);
        Assert.Equal("0-8191:M1,R2 8192-16383:M1,R2", Describe(plan.Blueprint));
    }

    [Fact]
    public void Plan_DenseSpreadOut_PacksOntoTheFewestNodes()
    {
        var state = new TestState().Nodes(3).With(Bdb(1, shards: 3))
            .Shard(1, 1, 1, 20001).Shard(2, 1, 2, 20002).Shard(3, 1, 3, 20003).Build();

        var plan = Plan(state);

        Assert.Equal([new RebalanceMove(2, 2, 1), new RebalanceMove(3, 3, 1)], plan.Moves);
    }

    [Fact]
    public void Plan_DenseOnANodeThatIsFull_KeepsWhatFitsAndUsesTheNodeHoldingTheRest()
    {
        // Every node may run 3 shards: the 4 shards need two nodes whatever happens, and node 2 already holds the fourth.
        var state = new TestState().Nodes(3, maxRedisServers: 3).With(Bdb(1, shards: 4))
            .Shard(1, 1, 1, 20001).Shard(2, 1, 1, 20002).Shard(3, 1, 1, 20003).Shard(4, 1, 2, 20004).Build();

        var plan = Plan(state);

        Assert.Empty(plan.Moves);
    }

    [Fact]
    public void Plan_DenseWhenOneNodeCouldHoldEverything_PacksOntoIt()
    {
        // Node 1 may run 3 shards, node 2 all 4: one node is fewer than two, whatever it costs in moves.
        var state = new TestState().Node(1, maxRedisServers: 3).Node(2).With(Bdb(1, shards: 4))
            .Shard(1, 1, 1, 20001).Shard(2, 1, 1, 20002).Shard(3, 1, 1, 20003).Shard(4, 1, 2, 20004).Build();

        var plan = Plan(state);

        Assert.Equal(3, plan.Moves.Count);
        Assert.Equal(new Dictionary<int, int> { [2] = 4 }, CountsAfter(plan));
    }

    [Fact]
    public void Plan_ShardsOnADownNode_MoveEvenWhenTheRestIsEven()
    {
        var state = SparsePairsOnThreeNodes().Nodes(2).Node(3, status: NodeStatus.Down).Node(4).Build();

        var plan = Plan(state);

        // Master 2 leaves node 3 for node 4, the only node below its target; nothing else has to move.
        Assert.Equal([new RebalanceMove(2, 3, 4)], plan.Moves);
        Assert.Equal("0-8191:M1,R2 8192-16383:M4,R1", Describe(plan.Blueprint));
    }

    [Fact]
    public void Plan_ShardOnADownNodeWithNowhereToGo_FailsWithInsufficientResources()
    {
        // Master 1 has replicas on node 2 and on the down node 3; nodes 1 and 2 have room, but each holds a shard of that group.
        var state = new TestState().Node(1).Node(2).Node(3, status: NodeStatus.Down)
            .With(Bdb(1, shards: 2, replication: true, placement: ShardsPlacement.Sparse))
            .Shard(1, 1, 1, 20001, slots: Low).Shard(2, 1, 2, 20002, slots: High)
            .Shard(3, 1, 2, 20003, replicaOf: 1, slots: Low).Shard(4, 1, 3, 20004, replicaOf: 1, slots: Low).Build();

        var result = Rebalancer.Plan(state, 1);

        Assert.False(result.Succeeded);
        Assert.Equal(OperationErrorKind.InvalidConfiguration, result.Error!.Kind);
        Assert.Equal("insufficient_resources", result.Error.ErrorCode);
        Assert.StartsWith("shard 4 must leave node 3", result.Error.Description, StringComparison.Ordinal);
    }

    [Fact]
    public void Plan_OnlyNodeBelowItsTargetHoldsThePartner_AnotherNodeTakesTheExtraShardInstead()
    {
        // PA@1 PB@2 RB@3 and RA on the down node 4: the tie-break gave node 1 the fourth shard, but node 1 holds PA.
        var state = new TestState().Node(1).Node(2).Node(3).Node(4, status: NodeStatus.Down)
            .With(Bdb(1, shards: 2, replication: true, placement: ShardsPlacement.Sparse))
            .Shard(1, 1, 1, 20001, slots: Low).Shard(2, 1, 2, 20002, slots: High)
            .Shard(3, 1, 3, 20003, replicaOf: 2, slots: High).Shard(4, 1, 4, 20004, replicaOf: 1, slots: Low).Build();

        var plan = Plan(state);

        Assert.Equal([new RebalanceMove(4, 4, 2)], plan.Moves);
        AssertPairsApart(plan);
    }

    [Fact]
    public void Plan_OnlyNodeBelowItsTargetHoldsThePartner_TradesWithANodeAtItsTarget()
    {
        // PA@1, PB+RC@2, PC+RB@3, RA on the down node 4; every node should hold 2 and only node 1 is short, but it holds PA:
        // RC goes to node 1 and RA takes its place on node 2.
        var state = new TestState().Node(1).Node(2).Node(3).Node(4, status: NodeStatus.Down)
            .With(Bdb(1, shards: 3, replication: true, placement: ShardsPlacement.Sparse))
            .Shard(1, 1, 1, 20001).Shard(2, 1, 2, 20002).Shard(3, 1, 3, 20003)
            .Shard(4, 1, 4, 20004, replicaOf: 1).Shard(5, 1, 3, 20005, replicaOf: 2).Shard(6, 1, 2, 20006, replicaOf: 3).Build();

        var plan = Plan(state);

        Assert.Equal([new RebalanceMove(6, 2, 1), new RebalanceMove(4, 4, 2)], plan.Moves);
        Assert.All(CountsAfter(plan).Values, count => Assert.Equal(2, count));
        AssertPairsApart(plan);
        AssertEachMoveValidWhenItRuns(state, plan);
    }

    [Fact]
    public void Plan_MaxOperations_CapsTheMovesAndTheBlueprintFollows()
    {
        var state = new TestState().Nodes(4).With(Bdb(1, shards: 4, placement: ShardsPlacement.Sparse))
            .Shard(1, 1, 1, 20001).Shard(2, 1, 2, 20002).Shard(3, 1, 1, 20003).Shard(4, 1, 2, 20004).Build();

        var plan = Plan(state, maxOperations: 1);

        Assert.Equal([new RebalanceMove(1, 1, 3)], plan.Moves);
        Assert.Equal(new Dictionary<int, int> { [1] = 1, [2] = 2, [3] = 1 }, CountsAfter(plan));
    }

    [Fact]
    public void Plan_RoomOfOtherDatabases_LimitsTheTargets()
    {
        // Node 3 may run 2 shards and runs one of database 9: it takes one of database 1's, not two.
        var state = new TestState().Node(1).Node(2).Node(3, maxRedisServers: 2)
            .With(Bdb(9)).Shard(9, 9, 3, 20009)
            .With(Bdb(1, shards: 6, placement: ShardsPlacement.Sparse))
            .Shard(1, 1, 1, 20001).Shard(2, 1, 1, 20002).Shard(3, 1, 1, 20003)
            .Shard(4, 1, 2, 20004).Shard(5, 1, 2, 20005).Shard(6, 1, 2, 20006).Build();

        var plan = Plan(state);

        Assert.Single(plan.Moves);
        Assert.Equal(new Dictionary<int, int> { [1] = 3, [2] = 2, [3] = 1 }, CountsAfter(plan));
    }

    [Fact]
    public void Plan_SameState_SamePlan()
    {
        var state = SparsePairsOnThreeNodes().Nodes(5).Build();

        Assert.Equal(Plan(state).Moves, Plan(state).Moves);
        Assert.Equal(Plan(state).Blueprint, Plan(state).Blueprint);
    }

    [Fact]
    public void Plan_UnknownDatabase_IsNotFound()
    {
        var result = Rebalancer.Plan(new TestState().Nodes(1).Build(), 7);

        Assert.Equal(OperationErrorKind.NotFound, result.Error!.Kind);
        Assert.Equal("db_not_found", result.Error.ErrorCode);
    }

    [Theory]
    [InlineData(3, 3, false)]
    [InlineData(3, 3, true)]
    [InlineData(5, 4, true)]
    [InlineData(7, 6, true)]
    [InlineData(8, 5, false)]
    [InlineData(512, 6, true)]
    public void Plan_SparseAfterNodesJoin_MovesExactlyTheExcessOverAnEvenSplit(int pairs, int nodesBefore, bool replication)
    {
        var builder = new TestState().Nodes(nodesBefore + 2, maxRedisServers: 1000).With(Bdb(1, shards: pairs, replication: replication, placement: ShardsPlacement.Sparse));
        var before = ShardPlacer.Place(new TestState().Nodes(nodesBefore, maxRedisServers: 1000).Build(), Bdb(1, shards: pairs, replication: replication, placement: ShardsPlacement.Sparse));
        foreach (var shard in before.Plan!.WithUids(1))
        {
            builder.Shard(shard.Uid, 1, shard.NodeUid, shard.Port, shard.ReplicaOf, shard.AssignedSlots[0]);
        }
        var state = builder.Build();

        var plan = Plan(state);

        // Fewest moves: a node above the even split gives exactly its excess, nobody else moves.
        var total = before.Plan.All.Count();
        var nodes = nodesBefore + 2;
        var counts = state.Shards.Values.GroupBy(s => s.NodeUid).Select(g => g.Count()).OrderDescending().ToList();
        var extra = total % nodes;
        var expected = counts.Select((count, i) => Math.Max(0, count - (total / nodes + (i < extra ? 1 : 0)))).Sum();
        Assert.Equal(expected, plan.Moves.Count);
        Assert.True(CountsAfter(plan).Values.Max() - CountsAfter(plan).Values.Min() <= 1);
        Assert.Equal(plan.Moves.Count, plan.Moves.Select(m => m.ShardUid).Distinct().Count());
        AssertPairsApart(plan);
        AssertEachMoveValidWhenItRuns(state, plan);
    }

    // Moves run one after another: at its turn, no shard of the moving shard's group may be on the target.
    private static void AssertEachMoveValidWhenItRuns(ClusterState state, RebalancePlan plan)
    {
        var node = state.Shards.Values.ToDictionary(s => s.Uid, s => s.NodeUid);
        int GroupOf(ShardRecord s) => s.ReplicaOf ?? s.Uid;
        foreach (var move in plan.Moves)
        {
            var shard = state.Shards[move.ShardUid];
            Assert.Equal(move.FromNodeUid, node[shard.Uid]);
            Assert.DoesNotContain(state.Shards.Values, other => other.Uid != shard.Uid && GroupOf(other) == GroupOf(shard) && node[other.Uid] == move.ToNodeUid);
            node[shard.Uid] = move.ToNodeUid;
        }
    }

    private static void AssertPairsApart(RebalancePlan plan) =>
        Assert.All(plan.Blueprint, group => Assert.Equal(group.Shards.Count, group.Shards.Select(s => s.NodeUid).Distinct().Count()));
}
