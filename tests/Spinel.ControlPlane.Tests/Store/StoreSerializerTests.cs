using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;
using Spinel.ControlPlane.Tests.Infrastructure;

namespace Spinel.ControlPlane.Tests.Store;

public sealed class StoreSerializerTests
{
    [Theory]
    [MemberData(nameof(CommandSamples.AllCommands), MemberType = typeof(CommandSamples))]
    public void Command_RoundTripsThroughJson(ClusterCommand command)
    {
        var json = StoreSerializer.SerializeCommand(command);

        var back = StoreSerializer.DeserializeCommand(json);

        Assert.Equal(command.GetType(), back.GetType());
        Assert.Equal(command, back);
        Assert.Equal(json, StoreSerializer.SerializeCommand(back));
    }

    [Fact]
    public void Samples_CoverEveryCommandType()
    {
        var declared = typeof(ClusterCommand).GetCustomAttributes<JsonDerivedTypeAttribute>().Select(a => a.DerivedType).ToHashSet();
        var concrete = typeof(ClusterCommand).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(ClusterCommand)) && !t.IsAbstract).ToHashSet();

        Assert.Equal(concrete.OrderBy(t => t.Name), declared.OrderBy(t => t.Name));
        Assert.Equal(declared.OrderBy(t => t.Name), CommandSamples.All.Select(c => c.GetType()).Distinct().OrderBy(t => t.Name));
    }

    [Fact]
    public void Command_IsWrittenWithDiscriminatorAndSnakeCaseNames()
    {
        var command = new PutShards { BdbUid = 1, Shards = [Records.Shard(1, 2, 20001, uid: 2, replicaOf: 1)], ExpectedBdbVersion = 3 };

        var json = JsonNode.Parse(StoreSerializer.SerializeCommand(command))!;

        Assert.Equal("put_shards", (string?)json["command"]);
        Assert.Equal(3, (long?)json["expected_bdb_version"]);
        var shard = json["shards"]![0]!;
        Assert.Equal(1, (int?)shard["bdb_uid"]);
        Assert.Equal("replica", (string?)shard["role"]);
        Assert.Equal(1, (int?)shard["replica_of"]);
        Assert.Equal("0-8191", (string?)shard["assigned_slots"]![0]);
        Assert.Equal("active", (string?)shard["status"]);
        Assert.Null(json["expected_cluster_version"]);
    }

    [Fact]
    public void Bdb_UsesRedisEnterpriseFieldNamesAndValues()
    {
        var put = (PutBdb)CommandSamples.All.Single(c => c is PutBdb);

        var bdb = JsonNode.Parse(StoreSerializer.SerializeCommand(put))!["bdb"]!;

        Assert.Equal("memcached", (string?)bdb["type"]);
        Assert.Equal(1L << 30, (long?)bdb["memory_size"]);
        Assert.Equal(2, (int?)bdb["shards_count"]);
        Assert.Equal("all-master-shards", (string?)bdb["proxy_policy"]);
        Assert.Equal("aof", (string?)bdb["data_persistence"]);
        Assert.Equal("appendfsync-always", (string?)bdb["aof_policy"]);
        Assert.Equal("allkeys-lfu", (string?)bdb["eviction_policy"]);
        Assert.Equal("active-change-pending", (string?)bdb["status"]);
        Assert.Equal("secret", (string?)bdb["authentication_redis_pass"]);
        Assert.True((bool?)bdb["oss_cluster"]);
        Assert.Equal("sparse", (string?)bdb["shards_placement"]);
        Assert.Equal("(?<tag>.*)", (string?)bdb["shard_key_regex"]![1]);
    }

    [Fact]
    public void User_RoleUsesRedisEnterpriseNames()
    {
        var json = JsonNode.Parse(StoreSerializer.SerializeCommand(new PutUser { User = Records.User("ops", UserRole.ClusterViewer) }))!;

        Assert.Equal("cluster_viewer", (string?)json["user"]!["role"]);
        Assert.Equal("127.0.0.2", (string?)JsonNode.Parse(StoreSerializer.SerializeCommand(new AddNode { Node = Records.Node(2) }))!["node"]!["addr"]);
    }

    [Theory]
    [InlineData("""{"command":"format_disk"}""")]
    [InlineData("""{"uid":1}""")]
    [InlineData("""{"command":"remove_node"}""")]
    [InlineData("""{"command":"put_shards","bdb_uid":1,"shards":[{"bdb_uid":1,"node_uid":1,"port":1,"assigned_slots":["x-2"]}]}""")]
    [InlineData("""{"command":"add_node","node":{"addr":"a","raft_endpoint":"b","status":"exploded"}}""")]
    [InlineData("not json")]
    public void DeserializeCommand_RejectsWhatIsNotACommand(string json)
    {
        Assert.ThrowsAny<JsonException>(() => StoreSerializer.DeserializeCommand(Encoding.UTF8.GetBytes(json)));
    }

    [Fact]
    public void State_RoundTripsThroughJson()
    {
        var state = ClusterStateMachine.Apply(Records.WithBdb(), new PutEndpoint { Endpoint = new EndpointRecord { Uid = "1:1", BdbUid = 1, Port = 12000, NodeUids = [1, 2] } });
        state = ClusterStateMachine.Apply(state, (PutAction)CommandSamples.All.Single(c => c is PutAction) with { ExpectedVersion = null });

        var back = StoreSerializer.DeserializeState(StoreSerializer.SerializeState(state));

        Assert.Equal(state, back);
        Assert.Equal(state.NextShardUid, back.NextShardUid);
        Assert.Equal(state.Actions["a-1"].Data, back.Actions["a-1"].Data);
    }

    [Fact]
    public void State_WritesMapsWithKeysInOrder()
    {
        var state = ClusterStateMachine.Apply(Records.Created(), new AddNode { Node = Records.Node(10, uid: 10) });

        var nodes = JsonNode.Parse(StoreSerializer.SerializeState(state))!["nodes"]!.AsObject();

        Assert.Equal(["1", "2", "3", "10"], nodes.Select(p => p.Key));
        Assert.False(JsonNode.Parse(StoreSerializer.SerializeState(state))!.AsObject().ContainsKey("is_created"));
    }
}
