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
}
