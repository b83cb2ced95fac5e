using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class DbUpdateTests
{
    private const string Updated = """{"uid": 1, "name": "db1", "status": "active", "shards_count": 6}""";

    private static async Task<FakeRestServer> StartAsync()
    {
        var server = (await FakeRestServer.StartAsync()).ServeCluster();
        return server.OnJson("PUT", "/v1/bdbs/1", Updated).OnJson("PUT", "/v1/bdbs/2", Updated.Replace("\"uid\": 1, \"name\": \"db1\"", "\"uid\": 2, \"name\": \"cache\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task DbUpdate_ShardsPair_PutsShardsCountToTheResolvedUid()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "db1", "shards", "6");

        Assert.True(result.ExitCode == 0, result.ToString());
        server.Single("GET", "/v1/bdbs");
        var put = server.Single("PUT", "/v1/bdbs/1");
        Assert.Equal("application/json", put.ContentType);
        Assert.Equal("""{"shards_count":6}""", put.Body);
        Assert.Contains("OK database 'db1' (db:1) updated", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbUpdate_MoreShardsOnUnshardedDb_TurnsShardingOnWithDefaultRules()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "cache", "shards", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = server.Single("PUT", "/v1/bdbs/2").JsonBody;
        Assert.Equal(2, (int?)body["shards_count"]);
        Assert.True((bool?)body["sharding"]);
        Assert.Equal(2, body["shard_key_regex"]!.AsArray().Count);
    }

    [Fact]
    public async Task DbUpdate_OssClusterPair_PutsTheFlag()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "cache", "oss_cluster", "enabled", "proxy_policy", "all-master-shards");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"oss_cluster":true,"proxy_policy":"all-master-shards"}""", server.Single("PUT", "/v1/bdbs/2").Body);
    }

    [Fact]
    public async Task DbUpdate_PersistencePairs_PutThePolicies()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "cache", "data_persistence", "snapshot", "snapshot_policy", "3600:1,300:100", "master_persistence", "true");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"data_persistence":"snapshot","snapshot_policy":[{"secs":3600,"writes":1},{"secs":300,"writes":100}],"master_persistence":true}""",
            server.Single("PUT", "/v1/bdbs/2").Body);
    }

    [Fact]
    public async Task DbUpdate_BackupPairs_PutTheBackupFields()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "cache", "backup", "enabled", "backup_interval", "4h", "backup_interval_offset", "90",
            "backup_location", "/srv/backups", "backup_history", "7");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"backup":true,"backup_interval":14400,"backup_interval_offset":90,"backup_location":{"type":"mount_point","path":"/srv/backups"},"backup_history":7}""",
            server.Single("PUT", "/v1/bdbs/2").Body);
    }

    [Fact]
    public async Task DbUpdate_TlsAndDefaultUserPairs_PutTheirFields()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "cache", "tls_mode", "enabled", "default_user", "off");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"tls_mode":"enabled","default_user":false}""", server.Single("PUT", "/v1/bdbs/2").Body);
    }

    [Fact]
    public async Task DbUpdate_ShardingOnPair_PutsShardingAlone()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "cache", "sharding", "on");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"sharding":true}""", server.Single("PUT", "/v1/bdbs/2").Body);
    }

    [Fact]
    public async Task DbUpdate_ShardKeyRegexWithMoreShards_SendsTheRulesNotTheDefaults()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "cache", "shards", "2",
            "--shard-key-regex", "user:(?<tag>[0-9]+):.*", "--shard-key-regex", "(?<tag>.*)");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = server.Single("PUT", "/v1/bdbs/2").JsonBody;
        Assert.Equal(2, (int?)body["shards_count"]);
        Assert.True((bool?)body["sharding"]);
        Assert.Equal(["user:(?<tag>[0-9]+):.*", "(?<tag>.*)"], body["shard_key_regex"]!.AsArray().Select(r => (string?)r!["regex"]));
    }

    [Fact]
    public async Task DbUpdate_Options_PutsOnlyTheGivenFields()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "db:2", "--memory", "2g", "--replication", "false", "--eviction-policy", "noeviction", "--name", "cache2");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = server.Single("PUT", "/v1/bdbs/2").JsonBody;
        Assert.Equal(["eviction_policy", "memory_size", "name", "replication"], body.Select(p => p.Key).Order());
        Assert.Equal(2147483648L, (long?)body["memory_size"]);
        Assert.False((bool?)body["replication"]);
        Assert.Equal("noeviction", (string?)body["eviction_policy"]);
        Assert.Equal("cache2", (string?)body["name"]);
    }

    [Fact]
    public async Task DbUpdate_SettingPairs_MapToRestFields()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "1", "memory", "512m", "replication", "enabled", "proxy-policy", "all-nodes", "slave_ha", "disabled");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = server.Single("PUT", "/v1/bdbs/1").JsonBody;
        Assert.Equal(536870912L, (long?)body["memory_size"]);
        Assert.True((bool?)body["replication"]);
        Assert.False((bool?)body["slave_ha"]);
        Assert.Equal("all-nodes", (string?)body["proxy_policy"]);
    }

    [Fact]
    public async Task DbUpdate_AnswerNamesAnAction_WaitsForIt()
    {
        await using var server = await StartAsync();
        server.OnJson("PUT", "/v1/bdbs/1", """{"uid": 1, "name": "db1", "status": "active-change-pending", "action_uid": "u-1"}""");
        server.On("GET", "/v1/actions/u-1", ClusterFixture.Action("u-1", "active", 50, "reshard"), ClusterFixture.Action("u-1", "completed", 100));

        var result = await CliRunner.RunAsync(server, "db", "update", "db1", "shards", "6");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(2, server.RequestsTo("GET", "/v1/actions/u-1").Count);
        Assert.Contains("OK database 'db1' (db:1) updated, endpoint redis-12000.cluster.local:12000", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbUpdate_Busy409_PrintsBusyAndExits1()
    {
        await using var server = await StartAsync();
        server.On("PUT", "/v1/bdbs/1", CannedResponse.Error(409, "busy", "another action is running on bdb:1"));

        var result = await CliRunner.RunAsync(server, "db", "update", "db1", "--memory", "2g");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("busy: another action is running on bdb:1", result.Error.Trim());
    }

    [Theory]
    [InlineData("db1")]
    [InlineData("db1", "shards")]
    [InlineData("db1", "colour", "red")]
    [InlineData("db1", "shards", "many")]
    [InlineData("db1", "memory", "1x")]
    [InlineData("db1", "replication", "maybe")]
    [InlineData("db1", "slave_ha", "sometimes")]
    [InlineData("db1", "backup_interval", "4w")]
    [InlineData("db1", "backup_interval", "-5")]
    [InlineData("db1", "backup_location", "relative/dir")]
    [InlineData("db1", "backup_history", "-1")]
    public async Task DbUpdate_BadOrMissingChanges_IsAUsageErrorAndChangesNothing(params string[] args)
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, ["db", "update", .. args]);

        Assert.Equal(2, result.ExitCode);
        Assert.DoesNotContain(server.Requests, r => r.Method == "PUT");
    }

    [Fact]
    public async Task DbUpdate_UnknownDatabase_PrintsDbNotFoundAndExits1()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "update", "nope", "shards", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("db_not_found: no database with uid or name 'nope'", result.Error.Trim());
        Assert.DoesNotContain(server.Requests, r => r.Method == "PUT");
    }
}
