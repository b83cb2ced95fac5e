using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.Model;

namespace Spinel.ControlPlane.Tests.Placement;

public sealed class ShardPlanTests
{
    private static readonly ClusterState s_state = new TestState().Nodes(3).With(TestState.Bdb(1, shards: 2, replication: true)).Build();

    private static ShardPlan PlanOf(ClusterState state) => ShardPlacer.Place(state, state.Bdbs[1]).Plan!;

    [Fact]
    public void ReplicasOf_PointsEachReplicaAtTheMasterUidAtItsIndex()
    {
        var plan = PlanOf(s_state);

        var replicas = plan.ReplicasOf([7, 9]);

        Assert.Equal([7, 9], replicas.Select(r => r.ReplicaOf));
        Assert.Equal(plan.Replicas.Select(r => r with { ReplicaOf = null }), replicas.Select(r => r with { ReplicaOf = null }));
    }

    [Fact]
    public void ReplicasOf_WrongNumberOfUids_Throws()
    {
        Assert.Throws<ArgumentException>(() => PlanOf(s_state).ReplicasOf([7]));
    }

    [Fact]
    public void WithUids_NumbersMastersThenReplicas()
    {
        var shards = PlanOf(s_state).WithUids(5);

        Assert.Equal([5, 6, 7, 8], shards.Select(s => s.Uid));
        Assert.Equal([null, null, 5, 6], shards.Select(s => s.ReplicaOf));
        Assert.Equal([ShardRole.Master, ShardRole.Master, ShardRole.Replica, ShardRole.Replica], shards.Select(s => s.Role));
    }

    [Fact]
    public void WithUids_AtNextShardUid_IsAcceptedByTheStoreInOneCommand()
    {
        var state = s_state;

        var result = ClusterStateMachine.Execute(state, new PutShards { BdbUid = 1, Shards = PlanOf(state).WithUids(state.NextShardUid), ExpectedBdbVersion = 1 });

        Assert.True(result.Accepted, result.Rejection?.Message);
        Assert.Equal([(1, (int?)null), (1, null), (2, 1), (2, 2)], result.State.Shards.Values.Select(s => (s.NodeUid, s.ReplicaOf)));
        Assert.Equal(5, result.State.NextShardUid);
    }

    [Fact]
    public void MastersThenReplicasOf_AreAcceptedByTheStoreInTwoCommands()
    {
        var plan = PlanOf(s_state);

        var masters = ClusterStateMachine.Execute(s_state, new PutShards { BdbUid = 1, Shards = plan.Masters });
        var replicas = ClusterStateMachine.Execute(masters.State, new PutShards { BdbUid = 1, Shards = plan.ReplicasOf(masters.AssignedUids) });

        Assert.True(replicas.Accepted, replicas.Rejection?.Message);
        Assert.Equal([null, null, 1, 2], replicas.State.Shards.Values.Select(s => s.ReplicaOf));
    }
}
