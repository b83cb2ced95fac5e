using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class DbRebalanceTests
{
    private const string Path = "/v1/bdbs/2/actions/rebalance";
    private const string ActionUid = "a1a1a1a1-0000-4000-8000-0000000000b1";

    private const string Blueprint = """
        [{"slot_range": "0-8191", "nodes": [{"node_uid": "1", "role": "master"}, {"node_uid": "2", "role": "slave"}]},
         {"slot_range": "8192-16383", "nodes": [{"node_uid": 3, "role": "master"}, {"node_uid": "1", "role": "slave"}]}]
        """;

    [Fact]
    public async Task DbRebalance_DryRun_PrintsTheBlueprintAndMovesNothing()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("PUT", Path, Blueprint);

        var result = await CliRunner.RunAsync(server, "db", "rebalance", "cache", "--dry-run");

        Assert.True(result.ExitCode == 0, result.ToString());
        var request = server.Single("PUT", Path);
        Assert.Equal("?dry_run=true", request.Query);
        Assert.Equal("", request.Body);
        Assert.Equal("""
            REBALANCE BLUEPRINT (db:2):
            SLOT_RANGE MASTER REPLICAS
            0-8191     node:1 node:2
            8192-16383 node:3 node:1
            """, result.TrimmedOut.TrimEnd('\n'));
    }

    [Fact]
    public async Task DbRebalance_DryRunJson_WritesTheAnswer()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("PUT", Path, Blueprint);

        var result = await CliRunner.RunAsync(server, "--json", "db", "rebalance", "2", "--dry-run", "--max-operations", "3");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("?dry_run=true&max_operations=3", server.Single("PUT", Path).Query);
        Assert.Equal(Blueprint.Trim(), result.Out.Trim());
    }

    [Fact]
    public async Task DbRebalance_WaitsForTheActionWithProgress()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("PUT", Path, $$"""{"action_uid": "{{ActionUid}}", "description": "Rebalance was triggered"}""");
        server.On("GET", $"/v1/actions/{ActionUid}",
            ClusterFixture.Action(ActionUid, "active", 50, "move_sync", name: "SMMigrateShards", objectName: "bdb:2"),
            ClusterFixture.Action(ActionUid, "completed", 100, "completed", name: "SMMigrateShards", objectName: "bdb:2"));

        var result = await CliRunner.RunAsync(server, "db", "rebalance", "db:2", "--max-operations", "1");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("?max_operations=1", server.Single("PUT", Path).Query);
        Assert.StartsWith("Rebalancing database 'cache' (db:2)\n", result.TrimmedOut, StringComparison.Ordinal);
        Assert.Contains("  active SMMigrateShards bdb:2 move_sync 50%", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("OK database 'cache' (db:2) rebalanced", result.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbRebalance_FailedAction_Exits1()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.OnJson("PUT", Path, $$"""{"action_uid": "{{ActionUid}}"}""");
        server.On("GET", $"/v1/actions/{ActionUid}",
            ClusterFixture.Action(ActionUid, "failed", 40, "failed", error: "the new copy 9 of shard 4 did not sync in time", name: "SMMigrateShards", objectName: "bdb:2"));

        var result = await CliRunner.RunAsync(server, "db", "rebalance", "cache");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did not sync in time", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DbRebalance_Busy_PrintsTheErrorAndExits1()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();
        server.On("PUT", Path, CannedResponse.Error(409, "db_busy", "database 2 is busy with SMUpdateBDB (x)"));

        var result = await CliRunner.RunAsync(server, "db", "rebalance", "cache");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("db_busy: database 2 is busy with SMUpdateBDB (x)", result.Error.Trim());
    }

    [Theory]
    [InlineData("0")]
    [InlineData("x")]
    public async Task DbRebalance_BadMaxOperations_IsAUsageErrorAndSendsNothing(string value)
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "db", "rebalance", "cache", "--max-operations", value);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }
}
