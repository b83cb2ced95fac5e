using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Placement;

public sealed class ProxyPlacementTests
{
    // bdb 1: master 1 (slots 8192-16383) on node 1, master 2 (slots 0-8191) on node 3, their replicas on nodes 2 and 4;
    // bdb 9 has a master on node 5. Node 6 is down.
    private static readonly ClusterState s_state = new TestState()
        .Nodes(5).Node(6, status: NodeStatus.Down)
        .With(TestState.Bdb(1, shards: 2, replication: true)).With(TestState.Bdb(9))
        .Shard(1, 1, 1, 20000, slots: new SlotRange(8192, 16383))
        .Shard(2, 1, 3, 20000, slots: new SlotRange(0, 8191))
        .Shard(3, 1, 2, 20000, replicaOf: 1, slots: new SlotRange(8192, 16383))
        .Shard(4, 1, 4, 20000, replicaOf: 2, slots: new SlotRange(0, 8191))
        .Shard(5, 9, 5, 20000)
        .Build();

    private static ValueList<int> Nodes(ProxyPolicy policy) =>
        ProxyPlacement.EndpointNodes(s_state, s_state.Bdbs[1] with { ProxyPolicy = policy }, s_state.Shards.Values);

    [Fact]
    public void EndpointNodes_Single_IsTheNodeOfTheMasterOfTheLowestSlot()
    {
        Assert.Equal([3], Nodes(ProxyPolicy.Single));
    }

    [Fact]
    public void EndpointNodes_AllMasterShards_IsEveryNodeWithAMasterOfTheDatabase()
    {
        Assert.Equal([1, 3], Nodes(ProxyPolicy.AllMasterShards));
    }

    [Fact]
    public void EndpointNodes_AllNodes_IsEveryActiveNode()
    {
        Assert.Equal([1, 2, 3, 4, 5], Nodes(ProxyPolicy.AllNodes));
    }

    [Fact]
    public void EndpointNodes_AllMasterShardsOnOneNode_IsThatNodeOnce()
    {
        var state = new TestState().Nodes(2).With(TestState.Bdb(1, shards: 3, proxy: ProxyPolicy.AllMasterShards))
            .Shard(1, 1, 2, 20000).Shard(2, 1, 2, 20001).Shard(3, 1, 2, 20002)
            .Build();

        Assert.Equal([2], ProxyPlacement.EndpointNodes(state, state.Bdbs[1], state.ShardsOf(1)));
    }

    [Fact]
    public void EndpointNodes_OfAPlanNotStoredYet_FollowsItsMasters()
    {
        var state = new TestState().Nodes(3).Build();
        var bdb = TestState.Bdb(1, shards: 3, replication: true, placement: ShardsPlacement.Sparse);
        var plan = ShardPlacer.Place(state, bdb).Plan!;

        Assert.Equal([1], ProxyPlacement.EndpointNodes(state, bdb, plan.All));
        Assert.Equal([1, 2, 3], ProxyPlacement.EndpointNodes(state, bdb with { ProxyPolicy = ProxyPolicy.AllMasterShards }, plan.All));
    }

    [Fact]
    public void EndpointNodes_WithoutShards_IsEmptyButForAllNodes()
    {
        var bdb = TestState.Bdb(2);

        Assert.Empty(ProxyPlacement.EndpointNodes(s_state, bdb, []));
        Assert.Empty(ProxyPlacement.EndpointNodes(s_state, bdb with { ProxyPolicy = ProxyPolicy.AllMasterShards }, []));
        Assert.Equal([1, 2, 3, 4, 5], ProxyPlacement.EndpointNodes(s_state, bdb with { ProxyPolicy = ProxyPolicy.AllNodes }, []));
    }
}
