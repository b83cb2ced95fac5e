using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Cluster;
using Spinel.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.IntegrationTests.Discovery;

/// <summary>
/// The discovery service on :8001 of every node of a real cluster, as StackExchange.Redis (serviceName) and
/// redis-cli use it, before and after the node that binds a database's endpoint dies.
/// </summary>
[Collection(HighAvailabilityCollection.Name)]
[Trait("Category", "Integration")]
public sealed class SentinelDiscoveryTests(ITestOutputHelper output)
{
    private const string Name = "sentineled";
    private const int Port = 12061;
    private const int SentinelPort = 8001;

    [Fact]
    public async Task ClientsFindTheEndpointThroughAnyNodeAndFollowItWhenItsNodeDies()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 61);
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
        var db = await CreateDatabaseAsync(cluster);
        var shards = await db.ShardsAsync();
        var master = shards.Single(s => s.Role == "master");
        var heir = shards.Single(s => s.Role == "slave");
        var bound = cluster.Nodes[master.NodeIndex].Address;
        var survivor = (master.NodeIndex + 1) % cluster.Nodes.Count;

        // Every node answers with the proxy of the node that binds the endpoint (proxy_policy single), never a shard.
        foreach (var node in cluster.Nodes)
        {
            Assert.Equal($"{bound}\n{Port}", await GetMasterAddrAsync(node.Address, Name));
            Assert.Equal($"{bound}\n{Port}", await GetMasterAddrAsync(node.Address, Name + "@internal"));
        }
        Assert.Equal("", await GetMasterAddrAsync(cluster.Nodes[0].Address, "no-such-db"));

        var options = new ConfigurationOptions { ServiceName = Name, ConnectTimeout = 2000, SyncTimeout = 2000, AsyncTimeout = 2000 };
        foreach (var node in cluster.Nodes)
        {
            options.EndPoints.Add(node.Address, SentinelPort);
        }
        await using var client = await ConnectionMultiplexer.ConnectAsync(options);
        var rdb = client.GetDatabase();
        Assert.True(await rdb.StringSetAsync("before", "1"));
        Assert.Equal("1", (string?)await rdb.StringGetAsync("before"));
        Assert.Equal($"{bound}:{Port}", Format(rdb.IdentifyEndpoint("before")));

        await using var subscriber = await RawRespClient.ConnectAsync(SentinelPort, cluster.Nodes[survivor].Address);
        Assert.Equal("[subscribe, +switch-master, :1]", await subscriber.CommandAsync("SUBSCRIBE", "+switch-master"));

        await cluster.Nodes[master.NodeIndex].KillWithShardsAsync();
        var killed = System.Diagnostics.Stopwatch.StartNew();

        // The control plane moves the endpoint to the node of the promoted replica; the survivor says so.
        var moved = cluster.Nodes[heir.NodeIndex].Address;
        Assert.Equal($"[message, +switch-master, {Name} {bound} {Port} {moved} {Port}]", await subscriber.ReadAsync(TimeSpan.FromSeconds(30)));
        Assert.Equal($"[message, +switch-master, {Name}@internal {bound} {Port} {moved} {Port}]", await subscriber.ReadAsync(TimeSpan.FromSeconds(5)));
        output.WriteLine($"+switch-master {killed.ElapsedMilliseconds} ms after the kill");
        Assert.Equal($"{moved}\n{Port}", await GetMasterAddrAsync(cluster.Nodes[survivor].Address, Name));

        // StackExchange.Redis follows on its own (the +switch-master it subscribed to, or its reconnect timer); its
        // timeouts (2 s here) bound how long it keeps trying the dead endpoint and the dead node's discovery service.
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                return await rdb.StringSetAsync("after", "2") && (string?)await rdb.StringGetAsync("after") == "2";
            }
            // While it switches, commands can also meet a connection it is disposing.
            catch (Exception ex) when (ex is RedisConnectionException or RedisTimeoutException or RedisServerException or ObjectDisposedException)
            {
                output.WriteLine($"{killed.ElapsedMilliseconds} ms after the kill: {ex.GetType().Name}: {ex.Message[..Math.Min(300, ex.Message.Length)]}");
                return false;
            }
        }, "StackExchange.Redis to write through the moved endpoint", TimeSpan.FromSeconds(60));
        output.WriteLine($"StackExchange.Redis wrote through {moved}:{Port} {killed.ElapsedMilliseconds} ms after the kill");
        Assert.Equal($"{moved}:{Port}", Format(rdb.IdentifyEndpoint("after")));
    }

    private static async Task<ReplicatedDatabase> CreateDatabaseAsync(LocalCluster cluster)
    {
        using var api = cluster.Admin(0);
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = Name, ["memory_size"] = 100L * 1024 * 1024, ["shards_count"] = 1, ["replication"] = true, ["port"] = Port,
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        var db = new ReplicatedDatabase(cluster, created.Body["uid"]!.GetValue<int>(), Port);
        await db.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
        return db;
    }

    // redis-cli prints the reply's elements one a line (nothing for a nil), as a script would read them.
    private static async Task<string> GetMasterAddrAsync(string host, string name)
    {
        var result = await ToolProcess.RunAsync("redis-cli", ["-h", host, "-p", $"{SentinelPort}", "SENTINEL", "GET-MASTER-ADDR-BY-NAME", name]);
        Assert.True(result.ExitCode == 0, result.Error);
        return result.Output.Trim();
    }

    private static string Format(EndPoint? endPoint) => endPoint switch
    {
        IPEndPoint ip => $"{ip.Address}:{ip.Port}",
        DnsEndPoint dns => $"{dns.Host}:{dns.Port}",
        _ => $"{endPoint}",
    };
}
