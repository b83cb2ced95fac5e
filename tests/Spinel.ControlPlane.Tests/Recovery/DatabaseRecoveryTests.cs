using Spinel.ControlPlane.Recovery;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Recovery;

public sealed class DatabaseRecoveryTests
{
    // bdb 1: master 1 on node 1 with replica 2 on node 2; bdb 2: unreplicated masters 3 on node 2 and 4 on node 3.
    private static ClusterState State()
    {
        var state = Records.WithBdb();
        state = ClusterStateMachine.Apply(state, new PutBdb { Bdb = Records.Bdb("db2", 12001) });
        return ClusterStateMachine.Apply(state, new PutShards { BdbUid = 2, Shards = [Records.Shard(2, 2, 20002), Records.Shard(2, 3, 20000)] });
    }

    [Fact]
    public void MastersWithoutALiveCopy_AreLost_OnesWithALiveReplicaAreNot()
    {
        var state = State();
        bool OnlyNode1(int uid) => uid == 1;
        bool OnlyNode2(int uid) => uid == 2;

        Assert.Equal([3, 4], DatabaseRecovery.LostMasters(state, 2, OnlyNode1).Select(s => s.Uid));
        Assert.Empty(DatabaseRecovery.LostMasters(state, 1, OnlyNode1));
        Assert.Empty(DatabaseRecovery.LostMasters(state, 1, OnlyNode2));
        Assert.Equal([4], DatabaseRecovery.LostMasters(state, 2, OnlyNode2).Select(s => s.Uid));
    }

    [Fact]
    public void Rehome_PutsEachLostMasterOnALiveNodeWithItsOwnFreePort()
    {
        var state = State();
        bool OnlyNode1(int uid) => uid == 1;

        var moved = DatabaseRecovery.Rehome(state, DatabaseRecovery.LostMasters(state, 2, OnlyNode1), OnlyNode1)!;

        Assert.Equal([(3, 1), (4, 1)], moved.Select(s => (s.Uid, s.NodeUid)));
        Assert.Equal(2, moved.Select(s => s.Port).Distinct().Count());
        Assert.DoesNotContain(20000, moved.Select(s => s.Port));
        Assert.All(moved, s => Assert.Equal(state.Shards[s.Uid].AssignedSlots, s.AssignedSlots));
        Assert.All(moved, s => Assert.Equal(state.Shards[s.Uid].Generation + 1, s.Generation));
    }

    [Fact]
    public void Rehome_WithNoLiveNode_IsNull()
    {
        var state = State();

        Assert.Null(DatabaseRecovery.Rehome(state, DatabaseRecovery.LostMasters(state, 2, _ => false), _ => false));
    }
}
