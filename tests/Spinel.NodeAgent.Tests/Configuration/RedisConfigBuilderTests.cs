using Spinel.Model;
using Spinel.NodeAgent.Configuration;
using Spinel.NodeAgent.Tests.Infrastructure;

namespace Spinel.NodeAgent.Tests.Configuration;

public class RedisConfigBuilderTests
{
    private const string ShardDir = "/var/lib/spinel/shards/3";

    [Fact]
    public void Build_Master_WritesEveryDirectiveAndNoReplicaOf()
    {
        var shard = TestTopology.Shard(3, 20003, maxMemoryBytes: 104857600) with { EvictionPolicy = "allkeys-lru" };

        var text = RedisConfigBuilder.Build(shard, TestTopology.Snapshot(1, shard), ShardDir);

        var lines = Directives(text);
        Assert.Equal(
            [
                "bind 127.0.0.1",
                "port 20003",
                "dir /var/lib/spinel/shards/3",
                "pidfile /var/lib/spinel/shards/3/redis.pid",
                "logfile /var/lib/spinel/shards/3/redis.log",
                "daemonize no",
                "protected-mode no",
                "maxmemory 104857600",
                "maxmemory-policy allkeys-lru",
                "save \"\"",
                "appendonly no",
                "repl-diskless-sync yes",
                "repl-diskless-sync-delay 0",
            ],
            lines);
    }

    [Fact]
    public void Build_PersistentShard_WritesTheAppendOnlyFileAndSnapshotRules()
    {
        var aof = TestTopology.Shard(3, 20003) with { AppendFsync = "always" };
        var snapshot = TestTopology.Shard(3, 20003) with { SaveRules = "3600 1 300 100" };

        var aofLines = Directives(RedisConfigBuilder.Build(aof, TestTopology.Snapshot(1, aof), ShardDir));
        var snapshotLines = Directives(RedisConfigBuilder.Build(snapshot, TestTopology.Snapshot(1, snapshot), ShardDir));

        Assert.Contains("appendonly yes", aofLines);
        Assert.Contains("appendfsync always", aofLines);
        Assert.Contains("save \"\"", aofLines);
        Assert.Contains("appendonly no", snapshotLines);
        Assert.Contains("save 3600 1 300 100", snapshotLines);
        Assert.DoesNotContain(snapshotLines, l => l.StartsWith("appendfsync", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_SaveRulesThatAreNotNumbers_Throws()
    {
        var shard = TestTopology.Shard(3, 20003) with { SaveRules = "3600 1\nrequirepass x" };

        Assert.Throws<InvalidOperationException>(() => RedisConfigBuilder.Build(shard, TestTopology.Snapshot(1, shard), ShardDir));
    }

    [Fact]
    public void Build_NoMemoryLimit_WritesMaxMemoryZero()
    {
        var shard = TestTopology.Shard(3, 20003, maxMemoryBytes: 0);

        var text = RedisConfigBuilder.Build(shard, TestTopology.Snapshot(1, shard), ShardDir);

        Assert.Contains("maxmemory 0", Directives(text));
        Assert.Contains("maxmemory-policy volatile-lru", Directives(text));
    }

    [Fact]
    public void Build_Replica_AddsReplicaOfItsMastersAddress()
    {
        var master = TestTopology.Shard(1, 20001, nodeUid: 2) with { Host = "127.0.0.2" };
        var replica = TestTopology.Replica(2, 20002, masterUid: 1);

        var text = RedisConfigBuilder.Build(replica, TestTopology.Snapshot(1, master, replica), ShardDir);

        Assert.Equal("replicaof 127.0.0.2 20001", Directives(text)[^1]);
        Assert.Single(Directives(text), l => l.StartsWith("replicaof", StringComparison.Ordinal));
    }

    [Fact]
    public void Build_ReplicaWhoseMasterIsMissing_Throws()
    {
        var replica = TestTopology.Replica(2, 20002, masterUid: 1);

        var error = Assert.Throws<InvalidOperationException>(() => RedisConfigBuilder.Build(replica, TestTopology.Snapshot(1, replica), ShardDir));

        Assert.Contains("master shard 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PathWithSpaces_QuotesIt()
    {
        var shard = TestTopology.Shard(3, 20003);

        var text = RedisConfigBuilder.Build(shard, TestTopology.Snapshot(1, shard), "/tmp/my data/shards/3");

        Assert.Contains("dir \"/tmp/my data/shards/3\"", Directives(text));
        Assert.Contains("pidfile \"/tmp/my data/shards/3/redis.pid\"", Directives(text));
    }

    [Fact]
    public void Build_ValueWithNewline_CannotAddADirective()
    {
        var shard = TestTopology.Shard(3, 20003) with { EvictionPolicy = "noeviction\nrequirepass x" };

        var text = RedisConfigBuilder.Build(shard, TestTopology.Snapshot(1, shard), ShardDir);

        Assert.Contains("maxmemory-policy \"noeviction\\nrequirepass x\"", Directives(text));
        Assert.DoesNotContain(Directives(text), l => l.StartsWith("requirepass", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "\"\"")]
    [InlineData("a b", "\"a b\"")]
    [InlineData("say \"hi\"", "\"say \\\"hi\\\"\"")]
    [InlineData("back\\slash", "\"back\\\\slash\"")]
    public void Quote_Values_AreReadBackAsTheyWere(string value, string expected)
    {
        Assert.Equal(expected, RedisConfigBuilder.Quote(value));
    }

    private static string[] Directives(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Where(l => !l.StartsWith('#')).ToArray();
}
