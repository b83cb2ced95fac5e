using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Cluster;
using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Security;

/// <summary><c>tls_mode: enabled</c> on a real cluster: every node's endpoint presents its cluster-issued certificate, which clients verify with the cluster CA.</summary>
public sealed class ClusterEndpointTlsTests
{
    [Fact]
    public async Task ATlsDatabaseIsReachedWithTheClusterCaOnEveryNode_AndPlainClientsAreNot()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 73);
        using var api = cluster.Admin(0);
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = "sealed", ["memory_size"] = 100L << 20, ["port"] = 12079, ["proxy_policy"] = "all-nodes", ["tls_mode"] = "enabled",
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        Assert.Equal("enabled", (await api.GetAsync($"/v1/bdbs/{created.Body["uid"]}")).Body["tls_mode"]!.GetValue<string>());

        foreach (var node in cluster.Nodes)
        {
            var set = await ToolProcess.RunAsync("redis-cli", ["--tls", "--cacert", cluster.CaFile, "-h", node.Address, "-p", "12079", "SET", $"k:{node.Address}", "v"]);
            Assert.True(set.ExitCode == 0 && set.Output.Trim() == "OK", $"{node.Address}: {set}");
        }
        var options = ConfigurationOptions.Parse($"{cluster.Nodes[1].Address}:12079,ssl=true,abortConnect=true");
        options.TrustIssuer(cluster.CaFile);
        await using (var client = await ConnectionMultiplexer.ConnectAsync(options))
        {
            Assert.Equal("v", (string?)await client.GetDatabase().StringGetAsync($"k:{cluster.Nodes[0].Address}"));
        }
        var plain = await ToolProcess.RunAsync("redis-cli", ["-h", cluster.Nodes[0].Address, "-p", "12079", "PING"], timeout: TimeSpan.FromSeconds(20));
        Assert.DoesNotContain("PONG", plain.Output, StringComparison.Ordinal);
    }
}
