using System.Text.Json;
using Spinel.Cli.Api;
using Spinel.Cli.Api.Json;

namespace Spinel.Cli.Tests.Api;

public sealed class DtoBindingTests
{
    [Fact]
    public void Shard_IdsAsNumbersOrStrings_BindAsStrings()
    {
        var shards = JsonSerializer.Deserialize("""
            [{"uid": 7, "bdb_uid": "2", "node_uid": 3, "assigned_slots": ["0-100", "200-300"], "unknown": {"nested": [1, 2]}}]
            """, CliJsonContext.Default.IReadOnlyListShardInfo)!;

        var shard = Assert.Single(shards);
        Assert.Equal("7", shard.Uid);
        Assert.Equal("2", shard.BdbUid);
        Assert.Equal("3", shard.NodeUid);
        Assert.Equal("0-100,200-300", shard.AssignedSlots);
    }

    [Fact]
    public void Bdb_NumbersAsFloatsOrStrings_BindAsIntegers()
    {
        var bdb = JsonSerializer.Deserialize("""
            {"uid": "4", "memory_size": 1073741824.0, "shards_count": "2", "port": 12000, "shard_list": [1, 2], "new_field_from_a_later_version": true}
            """, CliJsonContext.Default.BdbInfo)!;

        Assert.Equal("4", bdb.Uid);
        Assert.Equal(1073741824L, bdb.MemorySize);
        Assert.Equal(2L, bdb.ShardsCount);
        Assert.Equal(12000L, bdb.Port);
        Assert.Equal("1,2", bdb.ShardList);
    }

    [Fact]
    public void Action_ErrorAsObject_BindsAsItsJson()
    {
        var action = JsonSerializer.Deserialize("""
            {"action_uid": "a", "status": "failed", "progress": "12.5", "error": {"code": "x"}}
            """, CliJsonContext.Default.ActionInfo)!;

        Assert.Equal(12.5, action.Progress);
        Assert.Equal("""{"code": "x"}""", action.Error);
    }

    [Fact]
    public void ActionList_StateMachinesKey_Binds()
    {
        var list = JsonSerializer.Deserialize("""
            {"actions": [], "state-machines": [{"action_uid": "s", "name": "SMDeleteBDB"}]}
            """, CliJsonContext.Default.ActionList)!;

        Assert.Equal("SMDeleteBDB", Assert.Single(list.StateMachines!).Name);
    }

    [Fact]
    public void Shard_Sync_Binds()
    {
        var shard = Assert.Single(JsonSerializer.Deserialize("""
            [{"uid": "3", "sync": {"status": "idle", "progress": "800"}, "detailed_status": "ok"}]
            """, CliJsonContext.Default.IReadOnlyListShardInfo)!);

        Assert.Equal("idle", shard.Sync!.Status);
        Assert.Equal(800L, shard.Sync.Progress);
    }

    [Fact]
    public void Cluster_HaSettings_Bind()
    {
        var cluster = JsonSerializer.Deserialize("""
            {"name": "c", "failure_detection_sensitivity": "low", "slave_ha": false, "slave_ha_grace_period": "600"}
            """, CliJsonContext.Default.ClusterInfo)!;

        Assert.Equal(("low", false, 600L), (cluster.FailureDetectionSensitivity, cluster.SlaveHa, cluster.SlaveHaGracePeriod));
    }
}
