using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Tests.Placement;
using Spinel.ControlPlane.Topology;
using Spinel.Model;
using static Spinel.ControlPlane.Tests.Placement.TestState;

namespace Spinel.ControlPlane.Tests.Topology;

public sealed class ClusterTopologyMapperTests
{
    // bdb 3 "db3": 2 GB, 2 masters with replicas, password, allkeys-lru, 500 connections, endpoint on nodes 2 and 1.
    private static ClusterState Sample(long version = 42) => new TestState()
        .Nodes(3)
        .With(Bdb(3, shards: 2, replication: true, memory: 2 * GB, port: 12001) with
        {
            AuthenticationRedisPass = "s3cret",
            EvictionPolicy = EvictionPolicy.AllKeysLru,
            MaxConnections = 500,
        })
        .Shard(11, 3, 1, 20000, slots: new SlotRange(0, 8191))
        .Shard(12, 3, 1, 20001, slots: new SlotRange(8192, 16383))
        .Shard(13, 3, 2, 20000, replicaOf: 11, slots: new SlotRange(0, 8191))
        .Shard(14, 3, 2, 20001, replicaOf: 12, slots: new SlotRange(8192, 16383))
        .Endpoint("3:1", 3, 12001, 2, 1)
        .Build(version);

    [Fact]
    public void ToSnapshot_MapsTheDatabase()
    {
        var snapshot = ClusterTopologyMapper.ToSnapshot(Sample());

        Assert.Equal(42, snapshot.Version);
        var db = Assert.Single(snapshot.Databases);
        Assert.Equal(3, db.Uid);
        Assert.Equal("db3", db.Name);
        Assert.Equal(12001, db.Port);
        Assert.Equal("s3cret", db.Password);
        Assert.Equal(2 * GB, db.MemorySizeBytes);
        Assert.Equal("allkeys-lru", db.EvictionPolicy);
        Assert.Equal(500, db.MaxConnections);
        Assert.Equal([1, 2], db.EndpointNodes);
    }

    [Fact]
    public void ToSnapshot_CarriesTheClusterNameNodesAndOssCluster()
    {
        var state = Sample();
        state = state with
        {
            Bdbs = state.Bdbs.SetItem(3, state.Bdbs[3] with { OssCluster = true }),
            Nodes = state.Nodes.SetItem(2, state.Nodes[2] with { Status = NodeStatus.Down }),
        };

        var snapshot = ClusterTopologyMapper.ToSnapshot(state);

        Assert.Equal("cluster.local", snapshot.ClusterName);
        Assert.Equal([(1, "127.0.0.1", true), (2, "127.0.0.2", false), (3, "127.0.0.3", true)], snapshot.Nodes.Select(n => (n.Uid, n.Address, n.Active)));
        Assert.True(Assert.Single(snapshot.Databases).OssCluster);
        Assert.Equal(["127.0.0.1", "127.0.0.2"], snapshot.EndpointAddresses(snapshot.Databases[0]));
    }

    [Fact]
    public void ToSnapshot_PersistentDatabase_ReplicasWriteTheFilesAndMastersOnlyWhenAsked()
    {
        var state = Sample();
        var aof = state with { Bdbs = state.Bdbs.SetItem(3, state.Bdbs[3] with { DataPersistence = DataPersistence.Aof, AofPolicy = AofPolicy.AppendFsyncAlways }) };
        var dual = aof with { Bdbs = aof.Bdbs.SetItem(3, aof.Bdbs[3] with { MasterPersistence = true }) };
        var snapshot = state with
        {
            Bdbs = state.Bdbs.SetItem(3, state.Bdbs[3] with { DataPersistence = DataPersistence.Snapshot, SnapshotPolicy = [new SnapshotRule(3600, 1), new SnapshotRule(300, 100)] }),
        };
        // Replica 14 gone: its master 12 is the only copy and writes the files itself.
        var lone = aof with { Shards = aof.Shards.Remove(14) };

        static IEnumerable<(int, string?, string)> Files(ClusterState s) =>
            ClusterTopologyMapper.ToSnapshot(s).Databases[0].Shards.Select(x => (x.Uid, x.AppendFsync, x.SaveRules));

        Assert.Equal([(11, null, ""), (12, null, ""), (13, "always", ""), (14, "always", "")], Files(aof));
        Assert.Equal([(11, "always", ""), (12, "always", ""), (13, "always", ""), (14, "always", "")], Files(dual));
        Assert.Equal([(11, null, ""), (12, null, ""), (13, null, "3600 1 300 100"), (14, null, "3600 1 300 100")], Files(snapshot));
        Assert.Equal([(11, null, ""), (12, "always", ""), (13, "always", "")], Files(lone));
        // Replicas on a node that is down: their masters are the only live copies and write the files.
        var replicasDown = aof with { Nodes = aof.Nodes.SetItem(2, aof.Nodes[2] with { Status = NodeStatus.Down }) };
        Assert.Equal([(11, "always", ""), (12, "always", ""), (13, "always", ""), (14, "always", "")], Files(replicasDown));
        Assert.All(Files(state), f => Assert.Equal((null, ""), (f.Item2, f.Item3)));
    }

    [Fact]
    public void ToSnapshot_MapsEveryShard()
    {
        var db = Assert.Single(ClusterTopologyMapper.ToSnapshot(Sample()).Databases);

        Assert.Equal(
        [
            new ShardConfig { Uid = 11, BdbUid = 3, NodeUid = 1, Host = "127.0.0.1", Port = 20000, Role = ShardRole.Master, Slots = [new SlotRange(0, 8191)], MaxMemoryBytes = 512 * MB, EvictionPolicy = "allkeys-lru" },
            new ShardConfig { Uid = 12, BdbUid = 3, NodeUid = 1, Host = "127.0.0.1", Port = 20001, Role = ShardRole.Master, Slots = [new SlotRange(8192, 16383)], MaxMemoryBytes = 512 * MB, EvictionPolicy = "allkeys-lru" },
            new ShardConfig { Uid = 13, BdbUid = 3, NodeUid = 2, Host = "127.0.0.2", Port = 20000, Role = ShardRole.Replica, ReplicaOf = 11, Slots = [new SlotRange(0, 8191)], MaxMemoryBytes = 512 * MB, EvictionPolicy = "allkeys-lru" },
            new ShardConfig { Uid = 14, BdbUid = 3, NodeUid = 2, Host = "127.0.0.2", Port = 20001, Role = ShardRole.Replica, ReplicaOf = 12, Slots = [new SlotRange(8192, 16383)], MaxMemoryBytes = 512 * MB, EvictionPolicy = "allkeys-lru" },
        ], db.Shards);
        Assert.Equal([11, 12], db.Masters.Select(s => s.Uid));
    }

    [Fact]
    public void ToSnapshot_NoConnectionLimit_MapsToALimitTheProxyNeverReaches()
    {
        var state = new TestState().Nodes(1).With(Bdb(1, port: 12000)).Shard(1, 1, 1, 20000).Build();

        var db = Assert.Single(ClusterTopologyMapper.ToSnapshot(state).Databases);

        Assert.Equal(int.MaxValue, db.MaxConnections);
        Assert.Equal(ClusterTopologyMapper.UnlimitedConnections, db.MaxConnections);
        Assert.Null(db.Password);
        Assert.Equal(0, db.MemorySizeBytes);
        Assert.Equal(0, db.Shards[0].MaxMemoryBytes);
        Assert.Equal("volatile-lru", db.EvictionPolicy);
        Assert.Empty(db.EndpointNodes);
    }

    [Fact]
    public void ToSnapshot_SkipsDatabasesWithoutShardsOrEndpointsAndSortsByUid()
    {
        var state = new TestState().Nodes(2)
            .With(Bdb(5, port: 12004)).Shard(1, 5, 1, 20000)
            .With(Bdb(2, port: 12001)).Endpoint("2:1", 2, 12001, 2)
            .With(Bdb(4, port: 12003))
            .Build();

        var snapshot = ClusterTopologyMapper.ToSnapshot(state);

        Assert.Equal([2, 5], snapshot.Databases.Select(d => d.Uid));
        Assert.Empty(snapshot.Databases[0].Shards);
        Assert.Equal([2], snapshot.Databases[0].EndpointNodes);
    }

    [Fact]
    public void ToSnapshot_EndpointNodes_AreTheSortedUnionOfTheEndpoints()
    {
        var state = new TestState().Nodes(4).With(Bdb(1, port: 12000))
            .Endpoint("1:1", 1, 12000, 4, 2).Endpoint("1:2", 1, 12005, 2, 3, 1)
            .Build();

        Assert.Equal([1, 2, 3, 4], Assert.Single(ClusterTopologyMapper.ToSnapshot(state).Databases).EndpointNodes);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public void ToSnapshot_ShardKeyRegex_IsCarriedOnlyWhileShardingIsOn(bool sharding, int carried)
    {
        var state = new TestState().Nodes(1)
            .With(Bdb(1, port: 12000) with { Sharding = sharding, ShardKeyRegex = ["user:(?<tag>[0-9]+):.*"] }).Shard(1, 1, 1, 20000)
            .Build();

        var db = Assert.Single(ClusterTopologyMapper.ToSnapshot(state).Databases);

        Assert.Equal(carried, db.ShardKeyRegex.Count);
        Assert.NotEqual(db, db with { ShardKeyRegex = ["(?<tag>.*)"] });
    }

    [Fact]
    public void ToSnapshot_EmptyState_HasNoDatabases()
    {
        var snapshot = ClusterTopologyMapper.ToSnapshot(ClusterState.Empty);

        Assert.Equal(0, snapshot.Version);
        Assert.Empty(snapshot.Databases);
    }

    [Fact]
    public void ToSnapshot_EqualStates_GiveEqualDatabases()
    {
        Assert.Equal(ClusterTopologyMapper.ToSnapshot(Sample()).Databases, ClusterTopologyMapper.ToSnapshot(Sample()).Databases);
    }

    [Theory]
    [InlineData(EvictionPolicy.VolatileLru, "volatile-lru")]
    [InlineData(EvictionPolicy.VolatileTtl, "volatile-ttl")]
    [InlineData(EvictionPolicy.VolatileRandom, "volatile-random")]
    [InlineData(EvictionPolicy.VolatileLfu, "volatile-lfu")]
    [InlineData(EvictionPolicy.AllKeysLru, "allkeys-lru")]
    [InlineData(EvictionPolicy.AllKeysRandom, "allkeys-random")]
    [InlineData(EvictionPolicy.AllKeysLfu, "allkeys-lfu")]
    [InlineData(EvictionPolicy.NoEviction, "noeviction")]
    public void ToRedisPolicy_GivesTheMaxmemoryPolicyName(EvictionPolicy policy, string expected)
    {
        Assert.Equal(expected, ClusterTopologyMapper.ToRedisPolicy(policy));
    }

    [Fact]
    public void ToRedisPolicy_MatchesTheStoredJsonName()
    {
        foreach (var policy in Enum.GetValues<EvictionPolicy>())
        {
            var state = new TestState().With(Bdb(1) with { EvictionPolicy = policy }).Build();

            var json = System.Text.Encoding.UTF8.GetString(StoreSerializer.SerializeState(state));

            Assert.Contains($"\"eviction_policy\":\"{ClusterTopologyMapper.ToRedisPolicy(policy)}\"", json, StringComparison.Ordinal);
        }
    }
}
