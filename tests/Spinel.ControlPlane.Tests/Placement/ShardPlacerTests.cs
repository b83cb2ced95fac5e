using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Placement;

public sealed class ShardPlacerTests
{
    private static ShardPlan Plan(ClusterState state, BdbRecord bdb)
    {
        var result = ShardPlacer.Place(state, bdb);
        Assert.True(result.Succeeded, result.Error?.Description);
        return result.Plan;
    }

    [Fact]
    public void Place_DenseWithReplication_PutsMastersOnOneNodeAndReplicasOnTheNext()
    {
        // Redis Enterprise's example: 2 primaries + 2 replicas on 3 nodes, dense -> primaries on A, replicas on B.
        var state = new TestState().Nodes(3).Build();

        var plan = Plan(state, TestState.Bdb(1, shards: 2, replication: true));

        Assert.Equal([1, 1], plan.Masters.Select(s => s.NodeUid));
        Assert.Equal([2, 2], plan.Replicas.Select(s => s.NodeUid));
    }

    [Fact]
    public void Place_SparseWithReplication_SpreadsShardsAndMasters()
    {
        // Redis Enterprise's example: sparse -> P1@n1, R1@n2, P2@n3, R2@n1.
        var state = new TestState().Nodes(3).Build();

        var plan = Plan(state, TestState.Bdb(1, shards: 2, replication: true, placement: ShardsPlacement.Sparse));

        Assert.Equal([1, 3], plan.Masters.Select(s => s.NodeUid));
        Assert.Equal([2, 1], plan.Replicas.Select(s => s.NodeUid));
    }

    [Fact]
    public void Place_SparseWithReplicationOnThreeNodes_GivesEachNodeOneMasterAndOneReplica()
    {
        var state = new TestState().Nodes(3).Build();

        var plan = Plan(state, TestState.Bdb(1, shards: 3, replication: true, placement: ShardsPlacement.Sparse));

        Assert.Equal([1, 3, 2], plan.Masters.Select(s => s.NodeUid));
        Assert.Equal([2, 1, 3], plan.Replicas.Select(s => s.NodeUid));
    }

    [Fact]
    public void Place_DenseWithoutReplication_FillsTheNodeWithTheMostRoom()
    {
        // Node 1 already runs 2 shards of another database: nodes 2 and 3 have more room, node 2 wins the tie by uid.
        var state = new TestState().Nodes(3).With(TestState.Bdb(9)).Shard(1, 9, 1, 20000).Shard(2, 9, 1, 20001).Build();

        var plan = Plan(state, TestState.Bdb(1, shards: 3));

        Assert.Equal([2, 2, 2], plan.Masters.Select(s => s.NodeUid));
        Assert.Empty(plan.Replicas);
    }

    [Fact]
    public void Place_DenseBeyondOneNode_FillsTheNextNodeWithTheMostRoom()
    {
        var state = new TestState().Node(1, maxRedisServers: 3).Node(2, maxRedisServers: 5).Node(3, maxRedisServers: 2).Build();

        var plan = Plan(state, TestState.Bdb(1, shards: 7));

        Assert.Equal([2, 2, 2, 2, 2, 1, 1], plan.Masters.Select(s => s.NodeUid));
    }

    [Fact]
    public void Place_SparseWithoutReplication_GoesRoundRobinFewestShardsFirst()
    {
        // Shards now: node 1 three, node 2 none, node 3 one -> order 2, 3, 1.
        var state = new TestState().Nodes(3).With(TestState.Bdb(9))
            .Shard(1, 9, 1, 20000).Shard(2, 9, 1, 20001).Shard(3, 9, 1, 20002).Shard(4, 9, 3, 20000)
            .Build();

        var plan = Plan(state, TestState.Bdb(1, shards: 4, placement: ShardsPlacement.Sparse));

        Assert.Equal([2, 3, 1, 2], plan.Masters.Select(s => s.NodeUid));
    }

    [Fact]
    public void Place_SparseSkipsFullNodes()
    {
        var state = new TestState().Node(1, maxRedisServers: 1).Node(2).Node(3, maxRedisServers: 2).Build();

        var plan = Plan(state, TestState.Bdb(1, shards: 6, placement: ShardsPlacement.Sparse));

        Assert.Equal([1, 2, 3, 2, 3, 2], plan.Masters.Select(s => s.NodeUid));
    }

    [Fact]
    public void Place_SparseWithReplicationAndUnevenRoom_StillKeepsReplicasOffTheirMastersNodes()
    {
        // A plain round robin would put P1@1, R1@2, P2@3 and find no node for R2 but node 3.
        var state = new TestState().Node(1, maxRedisServers: 1).Node(2, maxRedisServers: 1).Node(3, maxRedisServers: 2).Build();

        var plan = Plan(state, TestState.Bdb(1, shards: 2, replication: true, placement: ShardsPlacement.Sparse));

        Assert.Equal([1, 2], plan.Masters.Select(s => s.NodeUid));
        Assert.Equal([3, 3], plan.Replicas.Select(s => s.NodeUid));
    }

    [Fact]
    public void Place_SplitsSlotsEvenlyAndGivesReplicasTheirMastersSlots()
    {
        var state = new TestState().Nodes(2).Build();

        var plan = Plan(state, TestState.Bdb(7, shards: 3, replication: true));

        Assert.Equal(SlotRange.SplitEvenly(3).Select(r => (ValueList<SlotRange>)[r]), plan.Masters.Select(s => s.AssignedSlots));
        Assert.Equal(plan.Masters.Select(s => s.AssignedSlots), plan.Replicas.Select(s => s.AssignedSlots));
        Assert.All(plan.Masters, s => Assert.Equal(ShardRole.Master, s.Role));
        Assert.All(plan.Replicas, s => Assert.Equal(ShardRole.Replica, s.Role));
        Assert.All(plan.All, s =>
        {
            Assert.Equal(0, s.Uid);
            Assert.Equal(7, s.BdbUid);
            Assert.Null(s.ReplicaOf);
            Assert.Equal(ShardStatus.Active, s.Status);
        });
    }

    [Fact]
    public void Place_TwoShards_SplitsTheSlotsInHalves()
    {
        var plan = Plan(new TestState().Nodes(1).Build(), TestState.Bdb(1, shards: 2));

        Assert.Equal(["0-8191", "8192-16383"], plan.Masters.Select(s => string.Join(",", s.AssignedSlots)));
    }

    [Fact]
    public void Place_TakesTheLowestFreePortsOfEachNode()
    {
        // Node 1 uses 20000 and 20002 (another database); node 2 uses nothing.
        var state = new TestState().Nodes(2).With(TestState.Bdb(9, shards: 2))
            .Shard(1, 9, 1, 20000).Shard(2, 9, 1, 20002)
            .Build();

        var plan = Plan(state, TestState.Bdb(1, shards: 2, replication: true));

        // Dense: node 2 has the most room and takes the masters, node 1 the replicas.
        Assert.Equal([(2, 20000), (2, 20001)], plan.Masters.Select(s => (s.NodeUid, s.Port)));
        Assert.Equal([(1, 20001), (1, 20003)], plan.Replicas.Select(s => (s.NodeUid, s.Port)));
    }

    [Fact]
    public void Place_IgnoresNodesThatAreNotActive()
    {
        var state = new TestState()
            .Node(1, status: NodeStatus.Down).Node(2).Node(3, status: NodeStatus.Provisioning).Node(4, status: NodeStatus.Decommissioning).Node(5)
            .Build();

        var plan = Plan(state, TestState.Bdb(1, shards: 2, replication: true, placement: ShardsPlacement.Sparse));

        Assert.Equal([2, 5], plan.All.Select(s => s.NodeUid).Distinct().Order());
    }

    [Fact]
    public void Place_SameState_GivesEqualPlans()
    {
        var state = new TestState().Nodes(4).With(TestState.Bdb(9)).Shard(1, 9, 2, 20000).Build();
        var bdb = TestState.Bdb(1, shards: 5, replication: true, placement: ShardsPlacement.Sparse);

        Assert.Equal(ShardPlacer.Place(state, bdb), ShardPlacer.Place(state, bdb));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(16385)]
    public void Place_ShardCountOutOfRange_Throws(int shards)
    {
        var state = new TestState().Nodes(1).Build();

        Assert.Throws<ArgumentOutOfRangeException>(() => ShardPlacer.Place(state, TestState.Bdb(1) with { ShardsCount = shards }));
    }
}
