using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using static Spinel.ControlPlane.Store.ClusterStateMachine;

namespace Spinel.ControlPlane.Tests.Store;

public sealed class ClusterStateMachineNodeTests
{
    private readonly ClusterState _created = Records.Created();

    [Fact]
    public void AddNode_WithUidZero_AssignsTheNextUid()
    {
        var result = Execute(_created, new AddNode { Node = Records.Node(4) });

        var state = StateAssert.Accepted(result);
        Assert.Equal([4], result.AssignedUids);
        Assert.Equal(4, state.Nodes[4].Uid);
        Assert.Equal(1, state.Nodes[4].Version);
        Assert.Equal(5, state.NextNodeUid);
    }

    [Fact]
    public void AddNode_WithExplicitUid_KeepsItAndMovesTheCounterPastIt()
    {
        var state = StateAssert.Accepted(Execute(_created, new AddNode { Node = Records.Node(9, uid: 9) }));

        Assert.True(state.Nodes.ContainsKey(9));
        Assert.Equal(10, state.NextNodeUid);
    }

    [Fact]
    public void AddNode_WithTakenUid_IsRejectedAsAlreadyExists()
    {
        StateAssert.Rejected(_created, Execute(_created, new AddNode { Node = Records.Node(9, uid: 2) }), RejectionCode.AlreadyExists);
    }

    [Fact]
    public void AddNode_WithTakenAddress_IsRejectedAsAlreadyExists()
    {
        var node = Records.Node(9) with { Address = "127.0.0.2" };

        StateAssert.Rejected(_created, Execute(_created, new AddNode { Node = node }), RejectionCode.AlreadyExists);
    }

    [Fact]
    public void AddNode_WithTakenRaftEndPoint_IsRejectedAsAlreadyExists()
    {
        var node = Records.Node(9) with { RaftEndPoint = "127.0.0.3:9100" };

        StateAssert.Rejected(_created, Execute(_created, new AddNode { Node = node }), RejectionCode.AlreadyExists);
    }

    [Theory]
    [InlineData("", "127.0.0.9:9100")]
    [InlineData("127.0.0.9", " ")]
    public void AddNode_WithoutAddressOrRaftEndPoint_IsRejectedAsInvalid(string address, string raftEndPoint)
    {
        var node = Records.Node(9) with { Address = address, RaftEndPoint = raftEndPoint };

        StateAssert.Rejected(_created, Execute(_created, new AddNode { Node = node }), RejectionCode.Invalid);
    }

    [Fact]
    public void AddNode_WithNegativeUid_IsRejectedAsInvalid()
    {
        StateAssert.Rejected(_created, Execute(_created, new AddNode { Node = Records.Node(9, uid: -1) }), RejectionCode.Invalid);
    }

    [Fact]
    public void UpdateNode_BumpsTheNodeVersionAndIgnoresTheGivenOne()
    {
        var node = _created.Nodes[2] with { Status = NodeStatus.Down, Version = 77 };

        var state = StateAssert.Accepted(Execute(_created, new UpdateNode { Node = node, ExpectedVersion = 1 }));

        Assert.Equal(NodeStatus.Down, state.Nodes[2].Status);
        Assert.Equal(2, state.Nodes[2].Version);
    }

    [Fact]
    public void UpdateNode_WithStaleExpectedVersion_IsRejectedAsVersionConflict()
    {
        var changed = Apply(_created, new UpdateNode { Node = _created.Nodes[2] with { Status = NodeStatus.Down } });

        StateAssert.Rejected(changed, Execute(changed, new UpdateNode { Node = changed.Nodes[2], ExpectedVersion = 1 }), RejectionCode.VersionConflict);
    }

    [Fact]
    public void UpdateNode_OfUnknownNode_IsRejectedAsNotFound()
    {
        StateAssert.Rejected(_created, Execute(_created, new UpdateNode { Node = Records.Node(9, uid: 9) }), RejectionCode.NotFound);
    }

    [Fact]
    public void UpdateNode_ToAnotherNodesAddress_IsRejectedAsAlreadyExists()
    {
        var node = _created.Nodes[2] with { Address = "127.0.0.3" };

        StateAssert.Rejected(_created, Execute(_created, new UpdateNode { Node = node }), RejectionCode.AlreadyExists);
    }

    [Fact]
    public void RemoveNode_WithoutShardsOrEndpoints_RemovesIt()
    {
        var state = StateAssert.Accepted(Execute(_created, new RemoveNode { Uid = 3, ExpectedVersion = 1 }));

        Assert.False(state.Nodes.ContainsKey(3));
        Assert.Equal(4, state.NextNodeUid);
    }

    [Fact]
    public void RemoveNode_Unknown_IsRejectedAsNotFound()
    {
        StateAssert.Rejected(_created, Execute(_created, new RemoveNode { Uid = 9 }), RejectionCode.NotFound);
        StateAssert.Rejected(_created, Execute(_created, new RemoveNode { Uid = 9, ExpectedVersion = 1 }), RejectionCode.NotFound);
    }

    [Fact]
    public void RemoveNode_WithStaleExpectedVersion_IsRejectedAsVersionConflict()
    {
        StateAssert.Rejected(_created, Execute(_created, new RemoveNode { Uid = 3, ExpectedVersion = 2 }), RejectionCode.VersionConflict);
    }

    [Fact]
    public void RemoveNode_ThatRunsAShard_IsRejectedAsInUse()
    {
        var state = Records.WithBdb();

        var rejection = StateAssert.Rejected(state, Execute(state, new RemoveNode { Uid = 2 }), RejectionCode.InUse);

        Assert.Contains("shard 2", rejection.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void RemoveNode_ThatBindsAnEndpoint_IsRejectedAsInUse()
    {
        var state = Apply(Records.WithBdb(), new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000, NodeUids = [3] } });

        StateAssert.Rejected(state, Execute(state, new RemoveNode { Uid = 3 }), RejectionCode.InUse);
    }
}
