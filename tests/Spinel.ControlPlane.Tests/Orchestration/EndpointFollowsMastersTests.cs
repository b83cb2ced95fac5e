using Spinel.ControlPlane.Orchestration;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Tests.Placement;
using Spinel.Model;
using static Spinel.ControlPlane.Tests.Placement.TestState;

namespace Spinel.ControlPlane.Tests.Orchestration;

/// <summary>
/// An <c>all-master-shards</c> endpoint gains the node of a master that appears elsewhere (a promoted replica), so
/// that the OSS Cluster API can send clients there, and keeps the nodes still up whose clients stay connected.
/// </summary>
public sealed class EndpointFollowsMastersTests
{
    // bdb 1: masters 11 (node 1) and 12 (node 2) with replicas 13 (node 3) and 14 (node 1); after the failover below,
    // 13 on node 3 is the master of 0-8191.
    private static ClusterState AfterPromotion(ProxyPolicy policy) => new TestState()
        .Nodes(3)
        .With(Bdb(1, shards: 2, replication: true, proxy: policy, port: 12000))
        .Shard(11, 1, 1, 20000, replicaOf: 13, slots: new SlotRange(0, 8191))
        .Shard(12, 1, 2, 20001, slots: new SlotRange(8192, 16383))
        .Shard(13, 1, 3, 20002, slots: new SlotRange(0, 8191))
        .Shard(14, 1, 1, 20003, replicaOf: 12, slots: new SlotRange(8192, 16383))
        .Endpoint("1:1", 1, 12000, 1, 2)
        .Build();

    [Fact]
    public void AllMasterShards_GainsTheNodeOfANewMasterAndKeepsLiveNodes()
    {
        var state = AfterPromotion(ProxyPolicy.AllMasterShards);

        var rebind = Handover.RebindAwayFromLostNodes(state, state.Bdbs[1], _ => true);

        Assert.NotNull(rebind);
        Assert.Equal([1, 2, 3], rebind.Endpoint.NodeUids);
    }

    [Fact]
    public void AllMasterShards_DropsADeadNodeAndGainsTheNewMastersNode()
    {
        var state = AfterPromotion(ProxyPolicy.AllMasterShards);

        var rebind = Handover.RebindAwayFromLostNodes(state, state.Bdbs[1], uid => uid != 1);

        Assert.Equal([2, 3], rebind!.Endpoint.NodeUids);
    }

    [Fact]
    public void Single_KeepsItsOneLiveNode()
    {
        var state = AfterPromotion(ProxyPolicy.Single);

        Assert.Null(Handover.RebindAwayFromLostNodes(state, state.Bdbs[1], _ => true));
    }

    [Fact]
    public void AllMasterShards_WithEveryMastersNodeBound_ChangesNothing()
    {
        var state = AfterPromotion(ProxyPolicy.AllMasterShards);
        state = state with { Endpoints = state.Endpoints.SetItem("1:1", state.Endpoints["1:1"] with { NodeUids = [1, 2, 3] }) };

        Assert.Null(Handover.RebindAwayFromLostNodes(state, state.Bdbs[1], _ => true));
    }
}
