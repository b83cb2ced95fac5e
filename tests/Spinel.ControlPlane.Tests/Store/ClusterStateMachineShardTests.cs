using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;
using Spinel.Model;
using static Spinel.ControlPlane.Store.ClusterStateMachine;

namespace Spinel.ControlPlane.Tests.Store;

public sealed class ClusterStateMachineShardTests
{
    private readonly ClusterState _withBdb = Apply(Records.Created(), new PutBdb { Bdb = Records.Bdb() });

    [Fact]
    public void PutShards_New_AssignsUidsInOrderAndBumpsTheBdbVersion()
    {
        var result = Execute(_withBdb, new PutShards
        {
            BdbUid = 1,
            Shards = [Records.Shard(1, 1, 20000), Records.Shard(1, 2, 20000), Records.Shard(1, 3, 20000)],
            ExpectedBdbVersion = 1,
        });

        var state = StateAssert.Accepted(result);
        Assert.Equal([1, 2, 3], result.AssignedUids);
        Assert.Equal([1, 2, 3], state.Shards.Values.Select(s => s.NodeUid));
        Assert.Equal(4, state.NextShardUid);
        Assert.Equal(2, state.Bdbs[1].Version);
        Assert.Equal([new SlotRange(0, 8191)], state.Shards[1].AssignedSlots);
    }

    [Fact]
    public void PutShards_Existing_ReplacesThem()
    {
        var state = Records.WithBdb();
        var promoted = state.Shards[2] with { Role = ShardRole.Master, ReplicaOf = null };

        var after = StateAssert.Accepted(Execute(state, new PutShards { BdbUid = 1, Shards = [promoted], ExpectedBdbVersion = state.Bdbs[1].Version }));

        Assert.Equal(promoted, after.Shards[2]);
        Assert.Equal(2, after.Shards.Count);
        Assert.Equal(3, after.NextShardUid);
    }

    [Fact]
    public void PutShards_WithStaleBdbVersion_IsRejectedAsVersionConflict()
    {
        var state = Records.WithBdb();

        StateAssert.Rejected(state, Execute(state, new PutShards { BdbUid = 1, Shards = [Records.Shard(1, 3, 20005)], ExpectedBdbVersion = 1 }), RejectionCode.VersionConflict);
    }

    [Fact]
    public void PutShards_ForUnknownBdbOrNode_IsRejectedAsNotFound()
    {
        StateAssert.Rejected(_withBdb, Execute(_withBdb, new PutShards { BdbUid = 9, Shards = [Records.Shard(9, 1, 20000)] }), RejectionCode.NotFound);
        StateAssert.Rejected(_withBdb, Execute(_withBdb, new PutShards { BdbUid = 1, Shards = [Records.Shard(1, 9, 20000)] }), RejectionCode.NotFound);
    }

    [Fact]
    public void PutShards_NamingAnotherBdb_IsRejectedAsInvalid()
    {
        var state = Apply(Records.WithBdb(), new PutBdb { Bdb = Records.Bdb("db2", 12001) });

        StateAssert.Rejected(state, Execute(state, new PutShards { BdbUid = 1, Shards = [Records.Shard(2, 1, 20009)] }), RejectionCode.Invalid);
        StateAssert.Rejected(state, Execute(state, new PutShards { BdbUid = 2, Shards = [Records.Shard(2, 1, 20009, uid: 1)] }), RejectionCode.Invalid);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    public void PutShards_WithoutPort_IsRejectedAsInvalid(int port)
    {
        StateAssert.Rejected(_withBdb, Execute(_withBdb, new PutShards { BdbUid = 1, Shards = [Records.Shard(1, 1, port)] }), RejectionCode.Invalid);
    }

    [Fact]
    public void PutShards_OnAPortTakenOnTheSameNode_IsRejectedAsInUse()
    {
        var state = Records.WithBdb();

        StateAssert.Rejected(state, Execute(state, new PutShards { BdbUid = 1, Shards = [Records.Shard(1, 1, 20000)] }), RejectionCode.InUse);
        StateAssert.Rejected(_withBdb, Execute(_withBdb, new PutShards { BdbUid = 1, Shards = [Records.Shard(1, 1, 20000), Records.Shard(1, 1, 20000)] }), RejectionCode.InUse);
    }

    [Fact]
    public void PutShards_ReplicaOfAMissingShard_IsRejectedAsInvalid()
    {
        StateAssert.Rejected(_withBdb, Execute(_withBdb, new PutShards { BdbUid = 1, Shards = [Records.Shard(1, 2, 20001, replicaOf: 7)] }), RejectionCode.Invalid);
        StateAssert.Rejected(_withBdb, Execute(_withBdb, new PutShards { BdbUid = 1, Shards = [Records.Shard(1, 2, 20001, uid: 4, replicaOf: 4)] }), RejectionCode.Invalid);
    }

    [Fact]
    public void PutShards_ReplicaOfAShardInTheSameBatch_IsApplied()
    {
        var shards = new[] { Records.Shard(1, 1, 20000, uid: 5), Records.Shard(1, 2, 20000, uid: 6, replicaOf: 5) };

        var state = StateAssert.Accepted(Execute(_withBdb, new PutShards { BdbUid = 1, Shards = [.. shards] }));

        Assert.Equal(5, state.Shards[6].ReplicaOf);
        Assert.Equal(7, state.NextShardUid);
    }

    [Fact]
    public void DeleteShards_RemovesThemAndBumpsTheBdbVersion()
    {
        var state = Records.WithBdb();

        var after = StateAssert.Accepted(Execute(state, new DeleteShards { BdbUid = 1, ShardUids = [1, 2], ExpectedBdbVersion = state.Bdbs[1].Version }));

        Assert.Empty(after.Shards);
        Assert.Equal(state.Bdbs[1].Version + 1, after.Bdbs[1].Version);
        Assert.Equal(state.NextShardUid, after.NextShardUid);
    }

    [Fact]
    public void DeleteShards_ThatLeavesAReplicaWithoutMaster_IsRejectedAsInvalid()
    {
        var state = Records.WithBdb();

        StateAssert.Rejected(state, Execute(state, new DeleteShards { BdbUid = 1, ShardUids = [1] }), RejectionCode.Invalid);
    }

    [Fact]
    public void DeleteShards_UnknownStaleOrOfAnotherBdb_IsRejected()
    {
        var state = Apply(Records.WithBdb(), new PutBdb { Bdb = Records.Bdb("db2", 12001) });

        StateAssert.Rejected(state, Execute(state, new DeleteShards { BdbUid = 1, ShardUids = [9] }), RejectionCode.NotFound);
        StateAssert.Rejected(state, Execute(state, new DeleteShards { BdbUid = 2, ShardUids = [2] }), RejectionCode.Invalid);
        StateAssert.Rejected(state, Execute(state, new DeleteShards { BdbUid = 1, ShardUids = [2], ExpectedBdbVersion = 1 }), RejectionCode.VersionConflict);
    }

    [Fact]
    public void ShardQueries_FilterByBdbAndNode()
    {
        var state = Records.WithBdb();

        Assert.Equal([1, 2], state.ShardsOf(1).Select(s => s.Uid));
        Assert.Equal([2], state.ShardsOnNode(2).Select(s => s.Uid));
        Assert.Empty(state.ShardsOnNode(3));
    }
}
