using System.Text.Json.Nodes;
using Spinel.Cli.Tests.Infrastructure;

namespace Spinel.Cli.Tests.Commands;

public sealed class NodeCommandsTests
{
    [Fact]
    public async Task NodeList_Cluster_PrintsNodesInUidOrder()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "node", "list");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(["GET /v1/nodes"], server.Requests.Select(r => r.ToString()));
        Assert.Equal("""
            CLUSTER NODES:
            NODE:ID ADDRESS   STATUS SHARDS MEMORY CORES RACK_ID VERSION
            node:1  127.0.0.1 active 2/100  16GB   2     -       0.1.0
            node:2  127.0.0.2 active 2/100  16GB   2     -       0.1.0
            node:3  127.0.0.3 down   1/100  8GB    2     r3      0.1.0
            """, result.TrimmedOut.TrimEnd('\n'));
    }

    [Fact]
    public async Task NodeList_Json_PrintsTheRawList()
    {
        await using var server = (await FakeRestServer.StartAsync()).ServeCluster();

        var result = await CliRunner.RunAsync(server, "node", "list", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(ClusterFixture.Nodes), JsonNode.Parse(result.Out)));
    }

    private const string RemoveUid = "b2b2b2b2-0000-4000-8000-000000000003";

    private static async Task<FakeRestServer> StartRemovalAsync(int node = 3) => (await FakeRestServer.StartAsync())
        .OnJson("POST", $"/v1/nodes/{node}/actions/remove", $$"""{"action_uid": "{{RemoveUid}}", "description": "Remove was triggered"}""")
        .On("GET", $"/v1/actions/{RemoveUid}",
            ClusterFixture.Action(RemoveUid, "active", 60, "migrate_shards", name: "SMRemoveNode", objectName: $"node:{node}"),
            ClusterFixture.Action(RemoveUid, "completed", 100, "done", name: "SMRemoveNode", objectName: $"node:{node}"));

    [Fact]
    public async Task NodeRemove_PostsAndWaitsForTheRemoval()
    {
        await using var server = await StartRemovalAsync();

        var result = await CliRunner.RunAsync(server, "node", "3", "remove");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal("{}", server.Single("POST", "/v1/nodes/3/actions/remove").JsonBody.ToJsonString());
        Assert.StartsWith("Performing remove action on node:3\n", result.TrimmedOut, StringComparison.Ordinal);
        Assert.Contains("  active SMRemoveNode node:3 migrate_shards 60%", result.Out, StringComparison.Ordinal);
        Assert.EndsWith("OK node:3 removed", result.Out.TrimEnd(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("enabled", true)]
    [InlineData("disabled", false)]
    public async Task NodeRemove_WaitForPersistence_IsSent(string value, bool sent)
    {
        await using var server = await StartRemovalAsync(2);

        var result = await CliRunner.RunAsync(server, "node", "node:2", "remove", "wait_for_persistence", value);

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(sent, (bool?)server.Single("POST", "/v1/nodes/2/actions/remove").JsonBody["wait_for_persistence"]);
    }

    [Theory]
    [InlineData("3")]
    [InlineData("3", "delete")]
    [InlineData("x", "remove")]
    [InlineData("3", "remove", "wait_for_persistence")]
    [InlineData("3", "remove", "wait_for_persistence", "maybe")]
    [InlineData("3", "remove", "force", "yes")]
    public async Task NodeRemove_BadWords_AreAUsageErrorAndSendNothing(params string[] words)
    {
        await using var server = await StartRemovalAsync();

        var result = await CliRunner.RunAsync(server, ["node", .. words]);

        Assert.Equal(2, result.ExitCode);
        Assert.Empty(server.Requests);
    }

    [Fact]
    public async Task Node_WithoutWords_IsAUsageError()
    {
        await using var server = await StartRemovalAsync();

        var result = await CliRunner.RunAsync(server, "node");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("node <id> remove", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NodeRemove_Busy_PrintsTheErrorAndExits1()
    {
        await using var server = await StartRemovalAsync();
        server.On("POST", "/v1/nodes/3/actions/remove", CannedResponse.Error(409, "node_busy", "node 3 is busy with SMRemoveNode"));

        var result = await CliRunner.RunAsync(server, "node", "3", "remove");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("node_busy: node 3 is busy with SMRemoveNode", result.Error.Trim());
    }

    [Fact]
    public async Task NodeRemove_NoWaitJson_PrintsTheAnswerWithoutPolling()
    {
        await using var server = await StartRemovalAsync();

        var result = await CliRunner.RunAsync(server, "node", "3", "remove", "--no-wait", "--json");

        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(RemoveUid, (string?)JsonNode.Parse(result.Out)!["action_uid"]);
        Assert.Empty(server.RequestsTo("GET", $"/v1/actions/{RemoveUid}"));
    }
}
