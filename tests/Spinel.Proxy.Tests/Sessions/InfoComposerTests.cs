using Spinel.Proxy.Sessions;

namespace Spinel.Proxy.Tests.Sessions;

public class InfoComposerTests
{
    private static readonly InfoComposer.ProxyFacts Facts = new(Port: 12000, Clients: 7, BlockedClients: 2, PubSubClients: 1,
        TotalConnections: 99, UptimeSeconds: 200_000, Version: "7.0.15");

    [Fact]
    public void Compose_CountersAndSizes_AreSummedOverShards()
    {
        var info = Compose(Shard(usedMemory: 1048576, commands: 100, kbps: "0.50"), Shard(usedMemory: 2097152, commands: 20, kbps: "1.25"));

        Assert.Equal("3145728", info["used_memory"]);
        Assert.Equal("3.00M", info["used_memory_human"]);
        Assert.Equal("120", info["total_commands_processed"]);
        Assert.Equal("1.75", info["instantaneous_input_kbps"]);
        Assert.Equal("0.3", info["used_cpu_sys"]);
    }

    [Fact]
    public void Compose_RatiosVersionsAndNames_TakeTheFirstShardsValue()
    {
        var info = Compose(Shard(ratio: "1.50"), Shard(ratio: "3.00"), Shard(ratio: "9.00"));

        Assert.Equal("1.50", info["mem_fragmentation_ratio"]);
        Assert.Equal("64", info["arch_bits"]);
        Assert.Equal("10", info["hz"]);
        Assert.Equal("10", info["configured_hz"]);
        Assert.Equal("noeviction", info["maxmemory_policy"]);
        Assert.Equal("Linux 6.1 x86_64", info["os"]);
        Assert.Equal("ok", info["rdb_last_bgsave_status"]);
    }

    [Fact]
    public void Compose_MachineWideMemory_IsNotMultipliedByShards()
    {
        var info = Compose(Shard(), Shard(), Shard());

        Assert.Equal("25276026880", info["total_system_memory"]);
    }

    [Fact]
    public void Compose_TimestampsAndNoneSentinels_AreNotSummed()
    {
        var info = Compose(Shard(lastSave: 1_700_000_000), Shard(lastSave: 1_700_000_100), Shard(lastSave: 1_700_000_050));

        Assert.Equal("1700000100", info["rdb_last_save_time"]);
        Assert.Equal("-1", info["rdb_last_bgsave_time_sec"]);
        Assert.Equal("-1", info["aof_last_rewrite_time_sec"]);
    }

    [Fact]
    public void Compose_ShardInternals_AreHidden()
    {
        var info = Compose(Shard(), Shard());

        foreach (var hidden in new[] { "process_id", "run_id", "executable", "config_file", "server_time_usec", "master_replid", "master_replid2", "master_repl_offset", "second_repl_offset" })
        {
            Assert.False(info.ContainsKey(hidden), hidden + " is shown");
        }
    }

    [Fact]
    public void Compose_EndpointClientLimit_ReplacesTheShardsMaxclients()
    {
        var text = InfoComposer.Compose([Shard(), Shard(), Shard()], Facts with { MaxClients = 500 });

        Assert.Contains("\r\nmaxclients:500\r\n", text, StringComparison.Ordinal);
        Assert.DoesNotContain("maxclients:30000", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compose_ProxyFacts_OverrideShardValues()
    {
        var info = Compose(Shard(), Shard());

        Assert.Equal("7.0.15", info["redis_version"]);
        Assert.Equal("standalone", info["redis_mode"]);
        Assert.Equal("12000", info["tcp_port"]);
        Assert.Equal("200000", info["uptime_in_seconds"]);
        Assert.Equal("2", info["uptime_in_days"]);
        Assert.Equal("7", info["connected_clients"]);
        Assert.Equal("2", info["blocked_clients"]);
        Assert.Equal("1", info["pubsub_clients"]);
        Assert.Equal("99", info["total_connections_received"]);
        Assert.Equal("master", info["role"]);
    }

    [Fact]
    public void Compose_Keyspace_SumsKeysAndExpiresAndKeepsTheLongestTtl()
    {
        var info = Compose(Shard(db0: "keys=5,expires=1,avg_ttl=1000"), Shard(db0: null), Shard(db0: "keys=7,expires=2,avg_ttl=5000"));

        Assert.Equal("keys=12,expires=3,avg_ttl=5000", info["db0"]);
    }

    [Fact]
    public void Compose_EmptyKeyspace_KeepsTheSectionWithoutDatabases()
    {
        var text = InfoComposer.Compose([Shard(db0: null), Shard(db0: null)], Facts);

        Assert.Contains("# Keyspace\r\n", text);
        Assert.DoesNotContain("db0", text);
    }

    [Fact]
    public void Compose_Sections_KeepTheShardOrderSeparatedByBlankLines()
    {
        var text = InfoComposer.Compose([Shard(), Shard()], Facts);

        var headers = text.Split("\r\n").Where(l => l.StartsWith("# ", StringComparison.Ordinal)).ToList();
        Assert.Equal(["# Server", "# Clients", "# Memory", "# Persistence", "# Stats", "# Replication", "# CPU", "# Keyspace"], headers);
        Assert.Contains("\r\n\r\n# Clients\r\n", text);
        Assert.StartsWith("# Server\r\n", text);
    }

    [Fact]
    public void Compose_SingleSection_ComposesOnlyThatSection()
    {
        var text = InfoComposer.Compose(["# Stats\r\ntotal_commands_processed:4\r\n", "# Stats\r\ntotal_commands_processed:6\r\n"], Facts);

        Assert.Equal("# Stats\r\ntotal_commands_processed:10\r\ntotal_connections_received:99\r\n", text);
    }

    [Fact]
    public void Compose_FieldMissingOnAShard_KeepsTheFirstValue()
    {
        var text = InfoComposer.Compose(["# Stats\r\nodd_counter:4\r\n", "# Stats\r\n"], Facts);

        Assert.Contains("odd_counter:4\r\n", text);
    }

    private static Dictionary<string, string> Compose(params string[] shards)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in InfoComposer.Compose(shards, Facts).Split("\r\n"))
        {
            var colon = line.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0 && !line.StartsWith('#'))
            {
                Assert.True(fields.TryAdd(line[..colon], line[(colon + 1)..]), "duplicate field " + line);
            }
        }
        return fields;
    }

    private static string Shard(long usedMemory = 1048576, long commands = 1, string kbps = "0.00", string ratio = "1.20",
        long lastSave = 1_700_000_000, string? db0 = "keys=1,expires=0,avg_ttl=0") => string.Join("\r\n",
    [
        "# Server", "redis_version:7.0.15", "redis_git_sha1:00000000", "redis_mode:standalone", "os:Linux 6.1 x86_64", "arch_bits:64",
        "process_id:4242", "run_id:0123456789abcdef", "tcp_port:20001", "server_time_usec:1795435903935700",
        "uptime_in_seconds:55", "uptime_in_days:0", "hz:10", "configured_hz:10", "lru_clock:123456",
        "executable:/usr/bin/redis-server", "config_file:/tmp/spinel/shards/1/redis.conf", "",
        "# Clients", "connected_clients:3", "maxclients:10000", "blocked_clients:0", "",
        "# Memory", $"used_memory:{usedMemory}", $"used_memory_human:{usedMemory / 1024}K", "total_system_memory:25276026880",
        "total_system_memory_human:23.54G", $"mem_fragmentation_ratio:{ratio}", "maxmemory_policy:noeviction", "",
        "# Persistence", "loading:0", $"rdb_last_save_time:{lastSave}", "rdb_last_bgsave_status:ok", "rdb_last_bgsave_time_sec:-1",
        "rdb_current_bgsave_time_sec:-1", "aof_last_rewrite_time_sec:-1", "",
        "# Stats", "total_connections_received:10", $"total_commands_processed:{commands}", $"instantaneous_input_kbps:{kbps}", "",
        "# Replication", "role:master", "connected_slaves:0", "master_replid:abc", "master_replid2:000",
        "master_repl_offset:0", "second_repl_offset:-1", "",
        "# CPU", "used_cpu_sys:0.150000", "",
        "# Keyspace", .. (db0 is null ? Array.Empty<string>() : ["db0:" + db0]), "",
    ]);
}
