using Spinel.ControlPlane.Recovery;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Recovery;

public sealed class ClusterRecoveryTests
{
    private static readonly NodeRecord Fresh = new()
    {
        Address = "127.0.0.9", RaftEndPoint = "127.0.0.9:3340", RestPort = 9443, TotalMemory = 8L << 30, MaxRedisServers = 50,
    };

    private static ClusterState Saved()
    {
        var state = Records.WithBdb();
        return ClusterStateMachine.Apply(state, new PutAction { Action = Records.Action(), ExpectedVersion = 0 });
    }

    [Fact]
    public void NamedNode_TakesThisNodesAddress_OthersAreDown_TheRestStays()
    {
        var saved = Saved();

        var (state, error) = ClusterRecovery.Prepare(saved, Fresh, nodeUid: 2);

        Assert.Null(error);
        var node = state!.Nodes[2];
        Assert.Equal(("127.0.0.9", "127.0.0.9:3340", 8L << 30, 50, NodeStatus.Active),
            (node.Address, node.RaftEndPoint, node.TotalMemory, node.MaxRedisServers, node.Status));
        Assert.Equal([NodeStatus.Down, NodeStatus.Down], state.Nodes.Values.Where(n => n.Uid != 2).Select(n => n.Status));
        Assert.Equal(saved.Actions, state.Actions);
        Assert.Equal(saved.Bdbs, state.Bdbs);
        Assert.Equal(saved.Shards, state.Shards);
        Assert.Equal(saved.Users, state.Users);
        Assert.Equal(saved.Cluster, state.Cluster);
    }

    [Fact]
    public void WithoutANodeUid_TheNodeWithThisAddressIsChosen()
    {
        var (state, error) = ClusterRecovery.Prepare(Saved(), Fresh with { Address = "127.0.0.3", RaftEndPoint = "127.0.0.3:3340" }, nodeUid: null);

        Assert.Null(error);
        Assert.Equal(NodeStatus.Active, state!.Nodes[3].Status);
        Assert.Equal(NodeStatus.Down, state.Nodes[1].Status);
    }

    [Theory]
    [InlineData(null, "127.0.0.9", "no saved node has address 127.0.0.9")]
    [InlineData(7, "127.0.0.9", "has no node 7")]
    [InlineData(1, "127.0.0.2", "saved node 2 has this node's address")]
    public void Unusable_Choice_IsExplained(int? nodeUid, string address, string expected)
    {
        var (state, error) = ClusterRecovery.Prepare(Saved(), Fresh with { Address = address, RaftEndPoint = address + ":3340" }, nodeUid);

        Assert.Null(state);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void RecoverCluster_StartsAnEmptyStoreFromTheSavedState_AndIsRefusedOnceACluster()
    {
        var (recovered, _) = ClusterRecovery.Prepare(Saved(), Fresh, nodeUid: 1);

        var result = ClusterStateMachine.Execute(ClusterState.Empty, new RecoverCluster { State = recovered! });

        Assert.True(result.Accepted);
        Assert.Equal(recovered! with { Version = recovered.Version + 1 }, result.State);
        Assert.False(ClusterStateMachine.Execute(result.State, new RecoverCluster { State = recovered }).Accepted);
        Assert.False(ClusterStateMachine.Execute(ClusterState.Empty, new RecoverCluster { State = ClusterState.Empty }).Accepted);
    }
}
