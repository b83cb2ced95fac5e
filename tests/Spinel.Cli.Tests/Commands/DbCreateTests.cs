using System.Text.Json.Nodes;
using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class DbCreateTests
{
    private const string ActionUid = "0c4a1f3e-aaaa-bbbb-cccc-000000000001";

    private const string Pending = $$"""
        {"uid": 3, "name": "cache", "status": "pending", "memory_size": 1073741824, "shards_count": 4, "port": 12001, "action_uid": "{{ActionUid}}", "endpoints": []}
        """;

    private const string Active = """
        {"uid": 3, "name": "cache", "status": "active", "memory_size": 1073741824, "shards_count": 4, "port": 12001,
         "endpoints": [{"uid": "3:1", "dns_name": "redis-12001.cluster.local", "port": 12001, "addr": ["127.0.0.1"], "proxy_policy": "all-master-shards"}]}
        """;

    private static async Task<FakeRestServer> StartAsync()
    {
        var server = await FakeRestServer.StartAsync();
        return server
            .OnJson("POST", "/v1/bdbs", Pending)
            .OnJson("GET", "/v1/bdbs/3", Active)
            .On("GET", $"/v1/actions/{ActionUid}",
                ClusterFixture.Action(ActionUid, "pending", 0),
                ClusterFixture.Action(ActionUid, "active", 40, "create_shards"),
                ClusterFixture.Action(ActionUid, "completed", 100, "done"));
    }

    [Fact]
    public async Task DbCreate_AllOptions_PostsRedisEnterpriseBody()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "cache", "--memory", "1g", "--shards", "4", "--port", "12001",
            "--replication", "--db-password", "pw", "--eviction-policy", "allkeys-lru", "--proxy-policy", "all-master-shards");

        Assert.True(result.ExitCode == 0, result.ToString());
        var post = server.Single("POST", "/v1/bdbs");
        Assert.Equal("application/json", post.ContentType);
        Assert.Equal(("admin@cluster.local", "s3cret"), post.BasicCredentials);
        var body = post.JsonBody;
        Assert.Equal("cache", (string?)body["name"]);
        Assert.Equal(1073741824L, (long?)body["memory_size"]);
        Assert.Equal(4, (int?)body["shards_count"]);
        Assert.Equal(12001, (int?)body["port"]);
        Assert.True((bool?)body["replication"]);
        Assert.Equal("pw", (string?)body["authentication_redis_pass"]);
        Assert.Equal("allkeys-lru", (string?)body["eviction_policy"]);
        Assert.Equal("all-master-shards", (string?)body["proxy_policy"]);
        Assert.True((bool?)body["sharding"]);
        Assert.Equal([@".*\{(?<tag>.*)\}.*", "(?<tag>.*)"], body["shard_key_regex"]!.AsArray().Select(r => (string?)r!["regex"]));
    }

    [Fact]
    public async Task DbCreate_ShardKeyRegexRepeated_SendsTheRulesInOrderWithSharding()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "users", "--memory", "1g",
            "--shard-key-regex", "user:(?<tag>[0-9]+):.*", "--shard-key-regex", "(?<tag>.*)");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = server.Single("POST", "/v1/bdbs").JsonBody;
        Assert.True((bool?)body["sharding"]);
        Assert.Equal(["user:(?<tag>[0-9]+):.*", "(?<tag>.*)"], body["shard_key_regex"]!.AsArray().Select(r => (string?)r!["regex"]));
    }

    [Fact]
    public async Task DbCreate_OssCluster_TurnsItOnWithAllMasterShardsUnlessAPolicyIsGiven()
    {
        await using var server = await StartAsync();

        var implied = await CliRunner.RunAsync(server, "db", "create", "--name", "oss", "--memory", "1g", "--shards", "3", "--oss-cluster");
        var given = await CliRunner.RunAsync(server, "db", "create", "--name", "oss2", "--memory", "1g", "--oss-cluster", "--proxy-policy", "all-nodes");

        Assert.True(implied.ExitCode == 0, implied.ToString());
        Assert.True(given.ExitCode == 0, given.ToString());
        var bodies = server.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/bdbs").Select(r => r.JsonBody).ToList();
        Assert.True((bool?)bodies[0]["oss_cluster"]);
        Assert.Equal("all-master-shards", (string?)bodies[0]["proxy_policy"]);
        Assert.True((bool?)bodies[1]["oss_cluster"]);
        Assert.Equal("all-nodes", (string?)bodies[1]["proxy_policy"]);
    }

    [Fact]
    public async Task DbCreate_Persistence_SendsThePolicies()
    {
        await using var server = await StartAsync();

        var aof = await CliRunner.RunAsync(server, "db", "create", "--name", "a", "--memory", "1g", "--persistence", "aof", "--aof-policy", "appendfsync-always");
        var snapshot = await CliRunner.RunAsync(server, "db", "create", "--name", "s", "--memory", "1g", "--persistence", "snapshot");
        var bad = await CliRunner.RunAsync(server, "db", "create", "--name", "b", "--memory", "1g", "--persistence", "snapshot", "--snapshot-policy", "hourly");

        Assert.True(aof.ExitCode == 0, aof.ToString());
        Assert.True(snapshot.ExitCode == 0, snapshot.ToString());
        Assert.NotEqual(0, bad.ExitCode);
        Assert.Contains("secs:writes", bad.Error, StringComparison.Ordinal);
        var bodies = server.Requests.Where(r => r.Method == "POST" && r.Path == "/v1/bdbs").Select(r => r.JsonBody).ToList();
        Assert.Equal(2, bodies.Count);
        Assert.Equal(("aof", "appendfsync-always"), ((string?)bodies[0]["data_persistence"], (string?)bodies[0]["aof_policy"]));
        Assert.Equal("snapshot", (string?)bodies[1]["data_persistence"]);
        Assert.Equal("""[{"secs":3600,"writes":1}]""", bodies[1]["snapshot_policy"]!.ToJsonString());
    }

    [Fact]
    public async Task DbCreate_NameAndMemoryOnly_SendsNothingElse()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "small", "--memory", "100mb");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = server.Single("POST", "/v1/bdbs").JsonBody;
        Assert.Equal(["memory_size", "name"], body.Select(p => p.Key).Order());
        Assert.Equal(104857600L, (long?)body["memory_size"]);
    }

    [Fact]
    public async Task DbCreate_ActionRuns_WaitsUntilCompletedAndPrintsEndpoint()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "cache", "--memory", "1g");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(3, server.RequestsTo("GET", $"/v1/actions/{ActionUid}").Count);
        Assert.Contains("  active SMCreateBDB bdb:3 create_shards 40%", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("OK database 'cache' (db:3) created, endpoint redis-12001.cluster.local:12001", result.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbCreate_NoWait_ReturnsWithoutPolling()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "cache", "--memory", "1g", "--no-wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(server.RequestsTo("GET", $"/v1/actions/{ActionUid}"));
        Assert.Contains($"spinel action wait {ActionUid}", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("OK database", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbCreate_ActionFails_PrintsTheErrorAndExits1()
    {
        await using var server = await StartAsync();
        server.On("GET", $"/v1/actions/{ActionUid}",
            ClusterFixture.Action(ActionUid, "active", 10, "create_shards"),
            ClusterFixture.Action(ActionUid, "failed", 10, "create_shards", "not enough memory on node:2"));

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "cache", "--memory", "1g");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"action_failed: SMCreateBDB (bdb:3) {ActionUid} failed: not enough memory on node:2", result.Error.Trim());
        Assert.DoesNotContain("OK database", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbCreate_AnswerWithoutActionUid_PollsTheDatabaseUntilActive()
    {
        await using var server = await StartAsync();
        server.OnJson("POST", "/v1/bdbs", """{"uid": 3, "name": "cache", "status": "pending"}""");
        server.On("GET", "/v1/bdbs/3",
            CannedResponse.Ok("""{"uid": 3, "name": "cache", "status": "pending"}"""),
            CannedResponse.Ok(Active));

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "cache", "--memory", "1g");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(server.RequestsTo("GET", "/v1/bdbs/3").Count >= 2);
        Assert.DoesNotContain(server.Requests, r => r.Path.StartsWith("/v1/actions", StringComparison.Ordinal));
        Assert.Contains("OK database 'cache' (db:3) created", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbCreate_ActionStatusNotRetained_FollowsTheDatabaseInstead()
    {
        await using var server = await StartAsync();
        server.On("GET", $"/v1/actions/{ActionUid}", CannedResponse.Error(404, "action_not_found", "no retained status"));
        server.On("GET", "/v1/bdbs/3", CannedResponse.Ok("""{"uid": 3, "name": "cache", "status": "pending"}"""), CannedResponse.Ok(Active));

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "cache", "--memory", "1g");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(server.RequestsTo("GET", $"/v1/actions/{ActionUid}"));
        Assert.True(server.RequestsTo("GET", "/v1/bdbs/3").Count >= 2);
        Assert.Contains("OK database 'cache' (db:3) created", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbCreate_CreationFailed_Exits1()
    {
        await using var server = await StartAsync();
        server.OnJson("POST", "/v1/bdbs", """{"uid": 3, "name": "cache", "status": "pending"}""");
        server.OnJson("GET", "/v1/bdbs/3", """{"uid": 3, "name": "cache", "status": "creation-failed"}""");

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "cache", "--memory", "1g");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("creation_failed: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbCreate_InvalidSchema406_PrintsErrorCodeAndDescriptionAndExits1()
    {
        await using var server = await StartAsync();
        server.On("POST", "/v1/bdbs", CannedResponse.Error(406, "invalid_schema", "'shards_count' must be between 1 and 512"));

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "cache", "--memory", "1g");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("invalid_schema: 'shards_count' must be between 1 and 512", result.Error.Trim());
        Assert.Equal("", result.Out);
    }

    [Fact]
    public async Task DbCreate_Json_PrintsThePostAnswerAndWaitsQuietly()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "cache", "--memory", "1g", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Pending), JsonNode.Parse(result.Out)), result.Out);
        Assert.Equal(3, server.RequestsTo("GET", $"/v1/actions/{ActionUid}").Count);
    }

    [Theory]
    [InlineData("1x")]
    [InlineData("-1")]
    [InlineData("0")]
    [InlineData("g")]
    [InlineData("1.5")]
    [InlineData("lots")]
    public async Task DbCreate_BadMemory_IsAUsageErrorAndSendsNothing(string memory)
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "cache", "--memory", memory);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Invalid memory size '{memory}'", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }

    [Theory]
    [InlineData("--shards", "0")]
    [InlineData("--shards", "513")]
    [InlineData("--port", "70000")]
    [InlineData("--eviction-policy", "lru")]
    [InlineData("--proxy-policy", "some-nodes")]
    public async Task DbCreate_OutOfRangeOption_IsAUsageError(string option, string value)
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "create", "--name", "cache", "--memory", "1g", option, value);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task DbCreate_WithoutName_IsAUsageError()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "db", "create", "--memory", "1g");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--name", result.Error, StringComparison.Ordinal);
        Assert.Empty(server.Requests);
    }
}
