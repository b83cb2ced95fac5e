using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using DnsClient;
using StackExchange.Redis;
using Spinel.IntegrationTests.Cluster;
using Spinel.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.IntegrationTests.Dns;

/// <summary>
/// Cluster DNS over real nodes: every node answers for the database's names with the address of the node whose proxy
/// binds the endpoint, clients reach the database by it, and after that node dies the survivors answer the new one.
/// </summary>
[Collection(HighAvailabilityCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ClusterDnsTests(ITestOutputHelper output)
{
    private const int Subnet = 62;
    private const int Port = 12000;
    private const string Zone = "cluster.test";
    private const string PortName = "redis-12000." + Zone;
    private const string DbName = "dnsdb." + Zone;

    [Fact]
    public async Task EveryNodeResolvesTheEndpoint_AndAfterItsNodeDiesTheSurvivorsResolveTheNewOne()
    {
        await using var cluster = await LocalCluster.StartAsync(Subnet);
        try
        {
            await RunAsync(cluster);
        }
        catch
        {
            output.WriteLine(cluster.Logs());
            throw;
        }
    }

    private async Task RunAsync(LocalCluster cluster)
    {
        using (var api = cluster.Admin(0))
        {
            // Replicated, with the default proxy policy (single): one node's proxy binds the endpoint.
            var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
            {
                ["name"] = "dnsdb", ["memory_size"] = 100L * 1024 * 1024, ["shards_count"] = 1, ["replication"] = true, ["port"] = Port,
            });
            Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
            await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        }
        var everyNode = Enumerable.Range(0, cluster.Nodes.Count).ToList();
        var bound = await AgreedAddressAsync(cluster, everyNode, _ => true, "every node to resolve both names to the one bound node");
        output.WriteLine($"bound on {bound}");

        var dig = await DigAsync(cluster.Nodes[0].Address, PortName, "+short");
        Assert.Equal(bound, dig.Output.Trim());
        var nxdomain = await DigAsync(cluster.Nodes[1].Address, "nothing." + Zone);
        Assert.Contains("status: NXDOMAIN", nxdomain.Output, StringComparison.Ordinal);
        Assert.Matches(@"flags: qr aa\b", nxdomain.Output);
        var ns = await DigAsync(cluster.Nodes[2].Address, Zone, "NS", "+short");
        Assert.Equal(["ns1.cluster.test.", "ns2.cluster.test.", "ns3.cluster.test."], ns.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());

        await using (var client = await ConnectionMultiplexer.ConnectAsync($"{bound}:{Port}"))
        {
            var db = client.GetDatabase();
            await db.StringSetAsync("dns:before", "kept");
            // Acknowledged by the replica, so it survives the death of the master's node.
            Assert.Equal(1L, (long)await db.ExecuteAsync("WAIT", 1, 5000));
            Assert.Equal("kept", (string?)await db.StringGetAsync("dns:before"));
        }

        var dead = cluster.Nodes.Select((n, i) => (n, i)).Single(x => x.n.Address == bound).i;
        await cluster.Nodes[dead].KillWithShardsAsync();
        var survivors = everyNode.Where(i => i != dead).ToList();
        var moved = await AgreedAddressAsync(cluster, survivors, address => address != bound,
            $"the surviving nodes to resolve both names to a node other than {bound}", TimeSpan.FromSeconds(30));
        output.WriteLine($"moved to {moved}");
        Assert.Contains(moved, survivors.Select(i => cluster.Nodes[i].Address));
        dig = await DigAsync(cluster.Nodes[survivors[0]].Address, DbName, "+short");
        Assert.Equal(moved, dig.Output.Trim());

        await using (var client = await ConnectionMultiplexer.ConnectAsync($"{moved}:{Port}"))
        {
            var db = client.GetDatabase();
            // The proxy there may still be waiting for the replica's promotion.
            await Eventually.TrueAsync(async () =>
            {
                try
                {
                    return await db.StringSetAsync("dns:after", "written");
                }
                catch (RedisException)
                {
                    return false;
                }
            }, $"a write through {moved}:{Port}", TimeSpan.FromSeconds(30));
            Assert.Equal("written", (string?)await db.StringGetAsync("dns:after"));
            Assert.Equal("kept", (string?)await db.StringGetAsync("dns:before"));
        }
    }

    /// <summary>
    /// Waits until the given nodes all answer both of the database's names with the same single address that
    /// <paramref name="acceptable"/> accepts, over UDP and TCP, and returns that address.
    /// </summary>
    private async Task<string> AgreedAddressAsync(LocalCluster cluster, IReadOnlyList<int> nodes, Func<string, bool> acceptable,
        string because, TimeSpan? timeout = null)
    {
        string? agreed = null;
        var last = "";
        await Eventually.TrueAsync(async () =>
        {
            var answers = new List<string>();
            foreach (var index in nodes)
            {
                foreach (var tcp in new[] { false, true })
                {
                    foreach (var name in new[] { PortName, DbName })
                    {
                        IDnsQueryResponse response;
                        try
                        {
                            response = await Client(cluster.Nodes[index].Address, tcp).QueryAsync(name, QueryType.A);
                        }
                        catch (DnsResponseException e)
                        {
                            answers.Add($"{cluster.Nodes[index].Address}:{e.Code}");
                            continue;
                        }
                        Assert.True(response.Header.HasAuthorityAnswer, $"{name} from {cluster.Nodes[index].Address}: not authoritative");
                        answers.Add(string.Join(',', response.Answers.ARecords().Select(r => r.Address.ToString()).Order()));
                    }
                }
            }
            var seen = string.Join(' ', answers);
            if (seen != last)
            {
                output.WriteLine($"answers: {seen}");
                last = seen;
            }
            agreed = answers.Distinct().Count() == 1 && IPAddress.TryParse(answers[0], out _) && acceptable(answers[0]) ? answers[0] : null;
            return agreed is not null;
        }, because, timeout ?? TimeSpan.FromSeconds(20));
        return agreed!;
    }

    private static LookupClient Client(string nodeAddress, bool tcp) =>
        new(new LookupClientOptions(new NameServer(IPAddress.Parse(nodeAddress), ClusterNodeProcess.DnsPort))
        {
            UseCache = false,
            UseTcpOnly = tcp,
            Retries = 0,
            Timeout = TimeSpan.FromSeconds(2),
            ThrowDnsErrors = false,
            ContinueOnDnsError = false,
        });

    private async Task<ToolProcess.Result> DigAsync(string server, params string[] query)
    {
        var result = await ToolProcess.RunAsync("dig",
            [$"@{server}", "-p", ClusterNodeProcess.DnsPort.ToString(CultureInfo.InvariantCulture), "+time=2", "+tries=1", .. query]);
        output.WriteLine($"dig @{server} {string.Join(' ', query)}:\n{result.Output}{result.Error}");
        Assert.True(result.ExitCode == 0, $"dig exited with {result.ExitCode}: {result.Error}");
        return result;
    }
}
