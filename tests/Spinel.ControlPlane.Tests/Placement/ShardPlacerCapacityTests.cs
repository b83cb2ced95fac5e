using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Placement;
using Spinel.ControlPlane.Store;
using static Spinel.ControlPlane.Tests.Placement.TestState;

namespace Spinel.ControlPlane.Tests.Placement;

public sealed class ShardPlacerCapacityTests
{
    private static OperationError Failure(ClusterState state, BdbRecord bdb)
    {
        var result = ShardPlacer.Place(state, bdb);
        Assert.False(result.Succeeded);
        Assert.Null(result.Plan);
        Assert.NotNull(result.Error);
        Assert.Equal(OperationErrorKind.InvalidConfiguration, result.Error.Kind);
        return result.Error;
    }

    [Fact]
    public void Place_MoreShardsThanServerSlots_FailsWithInsufficientResources()
    {
        var state = new TestState().Node(1, maxRedisServers: 1).Node(2, maxRedisServers: 2).Build();

        var error = Failure(state, Bdb(1, shards: 4));

        Assert.Equal("insufficient_resources", error.ErrorCode);
        Assert.Equal("needs 4 shards; nodes 1,2 have room for 3", error.Description);
    }

    [Fact]
    public void Place_ExactlyTheServerSlotsLeft_Fits()
    {
        // Node 1 runs one shard of another database and may run 3.
        var state = new TestState().Node(1, maxRedisServers: 3).Node(2, maxRedisServers: 2).With(Bdb(9)).Shard(1, 9, 1, 20000).Build();

        var result = ShardPlacer.Place(state, Bdb(1, shards: 4));

        Assert.True(result.Succeeded);
        Assert.Equal([1, 1, 2, 2], result.Plan.Masters.Select(s => s.NodeUid));
    }

    [Fact]
    public void Place_MemoryLimitsRoom()
    {
        // 2 GB over 4 shards = 512 MB a shard; each 1 GB node takes 2.
        var state = new TestState().Nodes(3, totalMemory: 1 * GB).Build();

        var result = ShardPlacer.Place(state, Bdb(1, shards: 4, memory: 2 * GB));

        Assert.True(result.Succeeded);
        Assert.Equal([1, 1, 2, 2], result.Plan.Masters.Select(s => s.NodeUid));
    }

    [Fact]
    public void Place_MemoryOfShardsAlreadyThere_CountsAgainstTheNode()
    {
        // Each node holds a 512 MB shard (a 1 GB database with a replica), node 1 also an unlimited one: room for one more 512 MB shard each.
        var state = new TestState().Nodes(2, totalMemory: 1 * GB)
            .With(Bdb(9, replication: true, memory: 1 * GB)).Shard(1, 9, 1, 20000).Shard(2, 9, 2, 20000, replicaOf: 1)
            .With(Bdb(8, memory: 0)).Shard(3, 8, 1, 20001)
            .Build();

        var fits = ShardPlacer.Place(state, Bdb(1, shards: 2, memory: 1 * GB));
        var error = Failure(state, Bdb(1, shards: 3, memory: 3 * GB / 2));

        Assert.True(fits.Succeeded);
        Assert.Equal([1, 2], fits.Plan.Masters.Select(s => s.NodeUid));
        Assert.Equal("needs 3 shards of 512 MB; nodes 1,2 have room for 2", error.Description);
    }

    [Fact]
    public void Place_NodeWithoutReportedMemory_IsNotLimitedByMemory()
    {
        var state = new TestState().Node(1, totalMemory: 0).Build();

        var result = ShardPlacer.Place(state, Bdb(1, shards: 8, memory: 100 * GB));

        Assert.True(result.Succeeded);
        Assert.Equal(8, result.Plan.Masters.Count);
    }

    [Fact]
    public void Place_UnlimitedDatabase_IsNotLimitedByMemory()
    {
        var state = new TestState().Node(1, totalMemory: 1 * MB).Build();

        Assert.True(ShardPlacer.Place(state, Bdb(1, shards: 8, memory: 0)).Succeeded);
    }

    [Fact]
    public void Place_NotEnoughMemory_SaysWhatIsNeeded()
    {
        // 256 MB shards: node 1 has room for 2, node 2 for 1.
        var state = new TestState().Node(1, totalMemory: 512 * MB).Node(2, totalMemory: 300 * MB).Build();

        var error = Failure(state, Bdb(1, shards: 4, memory: 1 * GB));

        Assert.Equal("insufficient_resources", error.ErrorCode);
        Assert.Equal("needs 4 shards of 256 MB; nodes 1,2 have room for 3", error.Description);
    }

    [Fact]
    public void Place_ReplicationWithOneActiveNode_FailsWithInvalidReplication()
    {
        var state = new TestState().Node(1).Node(2, status: NodeStatus.Down).Build();

        var error = Failure(state, Bdb(1, replication: true));

        Assert.Equal("invalid_replication", error.ErrorCode);
        Assert.Equal("replication needs at least 2 active nodes (a replica never shares its master's node); the cluster has 1", error.Description);
    }

    [Fact]
    public void Place_ReplicationWhenOneNodeHasAllTheRoom_FailsWithInsufficientResources()
    {
        // Node 1 could hold all four shards, but only one of each master/replica pair.
        var state = new TestState().Node(1).Node(2, maxRedisServers: 1).Build();

        var error = Failure(state, Bdb(1, shards: 2, replication: true));

        Assert.Equal("insufficient_resources", error.ErrorCode);
        Assert.Equal("needs 4 shards (a master and its replica on different nodes); nodes 1,2 have room for 3", error.Description);
    }

    [Fact]
    public void Place_NoActiveNode_FailsWithInsufficientResources()
    {
        var state = new TestState().Node(1, status: NodeStatus.Down).Build();

        var error = Failure(state, Bdb(1, memory: 1 * GB));

        Assert.Equal("insufficient_resources", error.ErrorCode);
        Assert.Equal("needs 1 shards of 1 GB; no node is active", error.Description);
    }

    [Fact]
    public void Place_OneNodeWithRoom_SaysHas()
    {
        var state = new TestState().Node(1, maxRedisServers: 1).Build();

        Assert.Equal("needs 2 shards; node 1 has room for 1", Failure(state, Bdb(1, shards: 2)).Description);
    }

    [Fact]
    public void Place_NodeWithEveryShardPortTaken_HasNoRoom()
    {
        var builder = new TestState().Node(1, maxRedisServers: 20000).Node(2).With(Bdb(9));
        for (var port = 20000; port <= 29999; port++)
        {
            builder.Shard(port, 9, 1, port);
        }
        var state = builder.Build();

        var result = ShardPlacer.Place(state, Bdb(1, shards: 2));

        Assert.True(result.Succeeded);
        Assert.Equal([(2, 20000), (2, 20001)], result.Plan.Masters.Select(s => (s.NodeUid, s.Port)));
    }

    [Theory]
    [InlineData(ShardsPlacement.Dense)]
    [InlineData(ShardsPlacement.Sparse)]
    public void Place_AnyRoomThatFits_KeepsEveryRule(ShardsPlacement placement)
    {
        int[][] rooms = [[1, 1, 2], [2, 2, 2], [4, 1, 1, 1], [3, 3], [5, 2, 1], [1, 1, 1, 1, 1, 1], [6, 1, 1, 1, 1, 2]];
        foreach (var room in rooms)
        {
            var builder = new TestState();
            for (var i = 0; i < room.Length; i++)
            {
                builder.Node(i + 1, maxRedisServers: room[i]);
            }
            var state = builder.Build();
            for (var shards = 1; shards <= room.Sum() / 2; shards++)
            {
                var bdb = Bdb(1, shards: shards, replication: true, placement: placement);
                var fits = room.Sum(r => Math.Min(r, shards)) >= 2 * shards;

                var result = ShardPlacer.Place(state, bdb);

                Assert.Equal(fits, result.Succeeded);
                if (!result.Succeeded)
                {
                    continue;
                }
                Assert.All(result.Plan.Masters.Zip(result.Plan.Replicas), pair => Assert.NotEqual(pair.First.NodeUid, pair.Second.NodeUid));
                Assert.All(result.Plan.All.GroupBy(s => s.NodeUid), g => Assert.True(g.Count() <= room[g.Key - 1]));
                Assert.Equal(2 * shards, result.Plan.All.Select(s => (s.NodeUid, s.Port)).Distinct().Count());
            }
        }
    }
}
