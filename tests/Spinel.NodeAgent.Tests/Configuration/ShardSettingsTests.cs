using Spinel.Model;
using Spinel.NodeAgent.Configuration;
using Spinel.NodeAgent.Tests.Infrastructure;

namespace Spinel.NodeAgent.Tests.Configuration;

public class ShardSettingsTests
{
    [Fact]
    public void TryCreate_MasterNamedByAReplica_HasReplica()
    {
        var master = TestTopology.Shard(1, 20001);
        var snapshot = TestTopology.Snapshot(1, master, TestTopology.Replica(2, 20002, masterUid: 1), TestTopology.Shard(3, 20003));

        Assert.True(Create(master, snapshot).IsReplicatedMaster);
        Assert.False(Create(TestTopology.Shard(3, 20003), snapshot).HasReplica);
    }

    [Fact]
    public void TryCreate_ReplicaOfAReplica_OnlyTheMiddleOneHasAReplica()
    {
        var snapshot = TestTopology.Snapshot(1, TestTopology.Shard(1, 20001), TestTopology.Replica(2, 20002, masterUid: 1), TestTopology.Replica(3, 20003, masterUid: 2));

        var middle = Create(TestTopology.Replica(2, 20002, masterUid: 1), snapshot);

        Assert.True(middle.HasReplica);
        Assert.False(middle.IsReplicatedMaster);
    }

    [Fact]
    public void TryCreate_ReplicaInAnotherDatabase_DoesNotCount()
    {
        var master = TestTopology.Shard(1, 20001);
        var snapshot = new TopologySnapshot
        {
            Version = 1,
            Databases =
            [
                new DatabaseConfig { Uid = 1, Name = "db1", Port = 12000, Shards = [master] },
                new DatabaseConfig { Uid = 2, Name = "db2", Port = 12001, Shards = [TestTopology.Replica(2, 20002, masterUid: 1) with { BdbUid = 2 }] },
            ],
        };

        Assert.False(Create(master, snapshot).HasReplica);
    }

    [Fact]
    public void TryCreate_Generation_IsCarriedAndChangesOnlyThatField()
    {
        var shard = TestTopology.Shard(1, 20001);
        var before = Create(shard, TestTopology.Snapshot(1, shard));

        var after = Create(shard with { Generation = 4 }, TestTopology.Snapshot(2, shard with { Generation = 4 }));

        Assert.Equal(4, after.Generation);
        Assert.NotEqual(before, after);
        Assert.Equal(before, after with { Generation = 0 });
        Assert.True(before.CanApplyLive(after));
    }

    private static ShardSettings Create(ShardConfig shard, TopologySnapshot snapshot)
    {
        Assert.True(ShardSettings.TryCreate(shard, snapshot, out var settings, out var error), error);
        return settings;
    }
}
