using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class MigrateCommandTests
{
    private const string ActionUid = "a1a1a1a1-0000-4000-8000-000000000002";

    private static async Task<FakeRestServer> StartAsync()
    {
        var server = await FakeRestServer.StartAsync();
        return server
            .OnJson("POST", "/v1/shards/actions/migrate", $$"""{"action_uid": "{{ActionUid}}", "description": "Migrate was triggered"}""")
            .On("GET", $"/v1/actions/{ActionUid}",
                ClusterFixture.Action(ActionUid, "active", 25, "sync", name: "SMMigrateShards", objectName: "bdb:2"),
                ClusterFixture.Action(ActionUid, "completed", 100, "done", name: "SMMigrateShards", objectName: "bdb:2"));
    }

    [Fact]
    public async Task Migrate_EveryWord_PostsRedisEnterpriseBodyAndWaits()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "migrate", "shard", "4", "redis:5", "target_node", "node:3", "preserve_roles", "override_policy");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"shard_uids":["4","5"],"target_node_uid":3,"preserve_roles":true,"override_rack_policy":true}""",
            server.Single("POST", "/v1/shards/actions/migrate").JsonBody.ToJsonString());
        Assert.StartsWith("Executing shard migration: redis:4 redis:5 to node:3\n", result.TrimmedOut, StringComparison.Ordinal);
        Assert.Contains("  active SMMigrateShards bdb:2 sync 25%", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("Finished successfully", result.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Migrate_TargetFirst_SendsOnlyWhatWasGiven()
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, "migrate", "target_node", "2", "shard", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""{"shard_uids":["1"],"target_node_uid":2}""", server.Single("POST", "/v1/shards/actions/migrate").JsonBody.ToJsonString());
    }

    [Fact]
    public async Task Migrate_NothingToMove_FinishesWithoutPolling()
    {
        await using var server = await StartAsync();
        server.OnJson("POST", "/v1/shards/actions/migrate", """{"description": "Migrate was triggered"}""");

        var result = await CliRunner.RunAsync(server, "migrate", "shard", "1", "target_node", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.DoesNotContain(server.Requests, r => r.Path.StartsWith("/v1/actions", StringComparison.Ordinal));
        Assert.Equal("Finished successfully", result.Out.Trim());
    }

    [Theory]
    [InlineData("shard", "1")]
    [InlineData("target_node", "2")]
    [InlineData("shard", "1", "target_node")]
    [InlineData("shard", "1", "target_node", "x")]
    [InlineData("shard", "1", "target_node", "node:")]
    [InlineData("shard", "1", "target_node", "2", "immediate")]
    public async Task Migrate_BadWords_AreAUsageErrorAndSendNothing(params string[] words)
    {
        await using var server = await StartAsync();

        var result = await CliRunner.RunAsync(server, ["migrate", .. words]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Migrate_Refused_PrintsTheErrorAndExits1()
    {
        await using var server = await StartAsync();
        server.On("POST", "/v1/shards/actions/migrate", CannedResponse.Error(406, "invalid_target_node", "node 2 runs the master of shard 4"));

        var result = await CliRunner.RunAsync(server, "migrate", "shard", "4", "target_node", "2");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("invalid_target_node: node 2 runs the master of shard 4", result.Error.Trim());
    }
}
