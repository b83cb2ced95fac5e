using System.Text.Json.Nodes;
using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class ActionCommandsTests
{
    private const string Uid = "7d1c2b3a-0000-4000-8000-00000000abcd";

    private static async Task<FakeRestServer> StartAsync(params CannedResponse[] answers) =>
        (await FakeRestServer.StartAsync()).On("GET", $"/v1/actions/{Uid}", answers);

    [Fact]
    public async Task ActionWait_RunsToCompletion_PrintsEachChangeAndSucceeds()
    {
        await using var server = await StartAsync(
            ClusterFixture.Action(Uid, "pending", 0),
            ClusterFixture.Action(Uid, "active", 25, "create_shards"),
            ClusterFixture.Action(Uid, "active", 25, "create_shards"),
            ClusterFixture.Action(Uid, "active", 75, "proxy_policy"),
            ClusterFixture.Action(Uid, "completed", 100, "done"));

        var result = await CliRunner.RunAsync(server, "action", "wait", Uid);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(5, server.RequestsTo("GET", $"/v1/actions/{Uid}").Count);
        Assert.Equal($"""
            Waiting for action {Uid}
              pending SMCreateBDB bdb:3 0%
              active SMCreateBDB bdb:3 create_shards 25%
              active SMCreateBDB bdb:3 proxy_policy 75%
              completed SMCreateBDB bdb:3 done 100%
            OK action {Uid} (SMCreateBDB bdb:3) completed
            """, result.TrimmedOut.TrimEnd('\n'));
    }

    [Fact]
    public async Task ActionWait_ActionFails_PrintsItsErrorAndExits1()
    {
        await using var server = await StartAsync(
            ClusterFixture.Action(Uid, "active", 50, "create_shards"),
            ClusterFixture.Action(Uid, "failed", 50, "create_shards", "insufficient_resources: no node can fit 4 shards"));

        var result = await CliRunner.RunAsync(server, "action", "wait", Uid);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(2, server.RequestsTo("GET", $"/v1/actions/{Uid}").Count);
        Assert.Equal($"action_failed: SMCreateBDB (bdb:3) {Uid} failed: insufficient_resources: no node can fit 4 shards", result.Error.Trim());
        Assert.DoesNotContain("OK action", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionWait_TaskWithErrorCode_UsesTheTasksErrorCode()
    {
        await using var server = await StartAsync(CannedResponse.Ok($$"""
            {"action_uid": "{{Uid}}", "task_id": "t1", "name": "retry_bdb", "node_uid": "1", "progress": 10.0, "status": "aborted",
             "error_code": "internal_error", "error_message": "shard 3 did not start"}
            """));

        var result = await CliRunner.RunAsync(server, "action", "wait", Uid);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"internal_error: retry_bdb {Uid} aborted: shard 3 did not start", result.Error.Trim());
    }

    [Fact]
    public async Task ActionWait_UnknownAction_PrintsNotFoundAndExits1()
    {
        await using var server = await StartAsync(CannedResponse.Error(404, "action_not_found", $"no action {Uid}"));

        var result = await CliRunner.RunAsync(server, "action", "wait", Uid);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"action_not_found: no action {Uid}", result.Error.Trim());
    }

    [Fact]
    public async Task ActionWait_Json_PrintsOnlyTheFinalAction()
    {
        await using var server = await StartAsync(ClusterFixture.Action(Uid, "active", 50), ClusterFixture.Action(Uid, "completed", 100));

        var result = await CliRunner.RunAsync(server, "action", "wait", Uid, "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        var action = JsonNode.Parse(result.Out)!;
        Assert.Equal("completed", (string?)action["status"]);
        Assert.Equal(1735689600, (long?)action["heartbeat"]);
    }

    [Fact]
    public async Task ActionWait_InteractiveTerminal_DrawsAProgressBar()
    {
        await using var server = await StartAsync(ClusterFixture.Action(Uid, "active", 50, "create_shards"), ClusterFixture.Action(Uid, "completed", 100));
        var environment = new Dictionary<string, string> { ["SPINEL_URL"] = server.Url.ToString() };

        var result = await CliRunner.RunAsync(environment, ["action", "wait", Uid], interactive: true);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("━", result.Out, StringComparison.Ordinal);
        Assert.Contains("100%", result.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("  active SMCreateBDB", result.Out, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ActionList_StateMachinesAndTasks_PrintsBoth()
    {
        await using var server = await FakeRestServer.StartAsync();
        server.OnJson("GET", "/v1/actions", """
            {"actions": [{"action_uid": "t-1", "task_id": "t-1", "name": "retry_bdb", "node_uid": "2", "progress": 10.5, "status": "running"}],
             "state-machines": [{"action_uid": "s-1", "object_name": "bdb:4", "name": "SMUpdateBDB", "state": "reshard", "status": "failed", "progress": 60, "error": "node:3 down"}]}
            """);

        var result = await CliRunner.RunAsync(server, "action", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("""
            ACTIONS:
            ACTION_UID NAME        OBJECT STATUS  STATE   PROGRESS ERROR
            s-1        SMUpdateBDB bdb:4  failed  reshard 60%      node:3 down
            t-1        retry_bdb   node:2 running -       11%      -
            """, result.TrimmedOut.TrimEnd('\n'));
    }

    [Fact]
    public async Task ActionList_PlainArray_IsAcceptedToo()
    {
        await using var server = await FakeRestServer.StartAsync();
        server.OnJson("GET", "/v1/actions", """[{"action_uid": "s-9", "name": "SMCreateBDB", "status": "active", "progress": 5}]""");

        var result = await CliRunner.RunAsync(server, "action", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Contains("s-9        SMCreateBDB", result.Out, StringComparison.Ordinal);
    }
}
