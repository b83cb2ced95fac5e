using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Orchestration;

public sealed class BatchCommandTests
{
    private static readonly ClusterState Cluster =
        ClusterStateMachine.Apply(ClusterState.Empty, new CreateCluster { Cluster = Records.Cluster(), FirstNode = Records.Node(1) });

    [Fact]
    public void AppliesEveryCommandInOrderAndReportsAssignedUids()
    {
        var result = ClusterStateMachine.Execute(Cluster, new Batch
        {
            Commands = [new PutBdb { Bdb = Records.Bdb(uid: 5) }, new PutShards { BdbUid = 5, Shards = [Records.Shard(5, 1, 20000)] }],
        });

        Assert.True(result.Accepted, result.Rejection?.Message);
        Assert.Equal([5, 1], result.AssignedUids);
        Assert.Equal(5, result.State.Shards[1].BdbUid);
        Assert.Equal(Cluster.Version + 2, result.State.Version);
    }

    [Fact]
    public void OneRejectedCommandLeavesTheStateUntouched()
    {
        var result = ClusterStateMachine.Execute(Cluster, new Batch
        {
            Commands = [new PutBdb { Bdb = Records.Bdb(uid: 5) }, new PutShards { BdbUid = 6, Shards = [Records.Shard(6, 1, 20000)] }],
        });

        Assert.False(result.Accepted);
        Assert.Same(Cluster, result.State);
        Assert.Equal(RejectionCode.NotFound, result.Rejection!.Code);
    }

    [Fact]
    public void ExpectedClusterVersionGuardsTheWholeBatchAndNestingIsRefused()
    {
        var stale = ClusterStateMachine.Execute(Cluster, new Batch { Commands = [new PutBdb { Bdb = Records.Bdb() }], ExpectedClusterVersion = Cluster.Version - 1 });
        var nested = ClusterStateMachine.Execute(Cluster, new Batch { Commands = [new Batch { Commands = [new PutBdb { Bdb = Records.Bdb() }] }] });
        var empty = ClusterStateMachine.Execute(Cluster, new Batch { Commands = [] });

        Assert.Equal(RejectionCode.VersionConflict, stale.Rejection!.Code);
        Assert.Equal(RejectionCode.Invalid, nested.Rejection!.Code);
        Assert.Equal(RejectionCode.Invalid, empty.Rejection!.Code);
    }

    [Fact]
    public void RoundTripsThroughTheLogFormat()
    {
        var batch = new Batch { Commands = [new PutBdb { Bdb = Records.Bdb(), ExpectedVersion = 0 }, new DeleteAction { ActionUid = "x" }] };

        var decoded = StoreSerializer.DeserializeCommand(StoreSerializer.SerializeCommand(batch));

        var roundTripped = Assert.IsType<Batch>(decoded);
        Assert.Equal(2, roundTripped.Commands.Count);
        Assert.Equal(batch.Commands[0], roundTripped.Commands[0]);
    }
}
