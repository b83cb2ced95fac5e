using System.Text.Json.Nodes;
using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class FailoverCommandTests
{
    private const string ActionUid = "f0f0f0f0-0000-4000-8000-000000000001";
    private const string Accepted = $$"""{"action_uid": "{{ActionUid}}", "description": "Failover was triggered"}""";

    private static async Task<FakeRestServer> StartAsync()
    {
        var server = (await FakeRestServer.StartAsync()).ServeCluster();
        return server
            .OnJson("POST", "/v1/shards/actions/failover", Accepted)
            .On("GET", $"/v1/actions/{ActionUid}",
                ClusterFixture.Action(ActionUid, "pending", 0, name: "SMFailover", objectName: "bdb:1"),
                ClusterFixture.Action(ActionUid, "active", 50, "promote", name: "SMFailover", objectName: "bdb:1"),
                ClusterFixture.Action(ActionUid, "completed", 100, "done", name: "SMFailover", objectName: "bdb:1"));
    }

    [Fact]
    public async Task Failover_Shards_PostsThemAndWaitsForTheAction()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "failover", "shard", "1", "redis:3", "immediate");

        Assert.True(result.ExitCode == 0, result.ToString());
        var body = server.Single("POST", "/v1/shards/actions/failover").JsonBody;
        Assert.Equal("""{"shard_uids":["1","3"],"immediate":true}""", body.ToJsonString());
        Assert.Equal(3, server.RequestsTo("GET", $"/v1/actions/{ActionUid}").Count);
        Assert.StartsWith("Executing shard fail-over: redis:1 redis:3\n", result.TrimmedOut, StringComparison.Ordinal);
        Assert.Contains("  active SMFailover bdb:1 promote 50%", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("Finished successfully", result.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failover_NotImmediate_SendsOnlyTheShards()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "failover", "shard", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"shard_uids":["2"]}""", server.Single("POST", "/v1/shards/actions/failover").JsonBody.ToJsonString());
    }

    [Theory]
    [InlineData("db1")]
    [InlineData("db:1")]
    [InlineData("1")]
    public async Task Failover_Db_ChecksTheShardsAreItsOwn(string db)
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "failover", "db", db, "shard", "1", "2");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Single(server.RequestsTo("GET", "/v1/bdbs"));
        Assert.Single(server.RequestsTo("POST", "/v1/shards/actions/failover"));
    }

    [Fact]
    public async Task Failover_ShardOfAnotherDb_Exits1WithoutPosting()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "failover", "db", "db1", "shard", "4");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("shard_not_exist: redis:4 is not a shard of database 'db1' (db:1)", result.Error.Trim());
        Assert.Empty(server.RequestsTo("POST", "/v1/shards/actions/failover"));
    }

    [Fact]
    public async Task Failover_UnknownDb_Exits1()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "failover", "db", "nope", "shard", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("db_not_found: ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("immediate")]
    [InlineData("shard")]
    [InlineData("shard", "x")]
    [InlineData("shard", "redis:")]
    [InlineData("shard", "0")]
    [InlineData("shard", "1", "now")]
    [InlineData("db")]
    public async Task Failover_BadWords_AreAUsageErrorAndSendNothing(params string[] words)
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, ["failover", .. words]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Failover_WithoutWords_IsAUsageError()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "failover");

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Failover_Refused_PrintsTheErrorAndExits1()
    {
        await using var server = await StartAsync();
        server.On("POST", "/v1/shards/actions/failover", CannedResponse.Error(409, "db_busy", "database 1 is busy with SMUpdateBDB"));

        var result = await CliRunner.RunAsync(server, "failover", "shard", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("db_busy: database 1 is busy with SMUpdateBDB", result.Error.Trim());
        Assert.DoesNotContain("Finished", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failover_ActionFails_Exits1()
    {
        await using var server = await StartAsync();
        server.On("GET", $"/v1/actions/{ActionUid}", ClusterFixture.Action(ActionUid, "failed", 30, "promote", "the replica never caught up", "SMFailover", "bdb:1"));

        var result = await CliRunner.RunAsync(server, "failover", "shard", "1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"action_failed: SMFailover (bdb:1) {ActionUid} failed: the replica never caught up", result.Error.Trim());
        Assert.DoesNotContain("Finished", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Failover_Json_PrintsOnlyTheAnswerAndWaits()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "failover", "shard", "1", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(Accepted), JsonNode.Parse(result.Out)), result.Out);
        Assert.Equal(3, server.RequestsTo("GET", $"/v1/actions/{ActionUid}").Count);
    }

    [Fact]
    public async Task Failover_NoWait_TellsHowToFollow()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "failover", "shard", "1", "--no-wait");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Empty(server.RequestsTo("GET", $"/v1/actions/{ActionUid}"));
        Assert.Contains($"spinel action wait {ActionUid}", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("Finished", result.Out, StringComparison.Ordinal);
    }
}
