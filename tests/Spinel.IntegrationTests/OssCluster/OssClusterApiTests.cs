using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Cluster;
using Spinel.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.IntegrationTests.OssCluster;

/// <summary>
/// A database with the OSS Cluster API on a real 3-node cluster, used by cluster-aware clients (StackExchange.Redis in
/// cluster mode, <c>redis-cli -c</c>, <c>redis-benchmark --cluster</c>) that learn the layout from the proxies and
/// follow -MOVED, through a manual failover, the death of a node and a reshard.
/// </summary>
[Collection(HighAvailabilityCollection.Name)]
public sealed class OssClusterApiTests(ITestOutputHelper output)
{
    private const int Preloaded = 300;

    [Fact]
    public async Task ClusterClientsFollowAFailoverAndTheDeathOfANode()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 63);
        var db = await CreateAsync(cluster, "osscluster", 12063, shards: 2);
        var shards = await db.ShardsAsync();
        var masters = shards.Where(s => s.Role == "master").ToList();
        Assert.Equal(2, masters.Select(m => m.NodeIndex).Distinct().Count());
        await using var client = await ConnectAsync(db.EndpointOn(masters[0].NodeIndex));
        var server = client.GetServer(db.EndpointOn(masters[0].NodeIndex));
        Assert.Equal(ServerType.Cluster, server.ServerType);
        await AssertLayoutMatchesShardsAsync(cluster, db, client);
        await PreloadAsync(cluster, db, client);

        // redis-cli -c asks the proxy of the first master for a key of the second and follows the redirection.
        var remoteKey = KeyServedBy(masters[1], "remote");
        Assert.Equal("OK", (await RedisCliAsync(cluster, masters[0].NodeIndex, db.Port, "-c", "SET", remoteKey, "via-redirect")).Trim());
        Assert.Equal("via-redirect", (await RedisCliAsync(cluster, masters[0].NodeIndex, db.Port, "-c", "GET", remoteKey)).Trim());
        Assert.StartsWith("MOVED", (await RedisCliAsync(cluster, masters[0].NodeIndex, db.Port, "GET", remoteKey)).Trim(), StringComparison.Ordinal);

        await using (var writer = new ClusterClientWriter(client, "fo:"))
        {
            await writer.WaitForAckedAsync(100, TimeSpan.FromSeconds(30));
            using var api = cluster.Admin(0);
            var failover = await api.WriteAsync(HttpMethod.Post, $"/v1/shards/{masters[0].Uid}/actions/failover", new JsonObject());
            Assert.True(failover.Status == HttpStatusCode.OK, failover.ToString());
            await cluster.WaitForActionAsync(failover.Body["action_uid"]!.GetValue<string>());
            var promoted = (await db.ShardsAsync()).Single(s => s.Role == "master" && s.Slots == masters[0].Slots);
            Assert.NotEqual(masters[0].NodeIndex, promoted.NodeIndex);
            await AssertLayoutMatchesShardsAsync(cluster, db, client);
            await writer.WaitForAckedAsync(200, TimeSpan.FromSeconds(30));
            await writer.StopAsync();
            output.WriteLine($"manual failover: {writer.AckedCount} writes, longest gap {writer.LongestGap.TotalMilliseconds:F0} ms, errors: {string.Join(" | ", writer.Errors)}");
            // A manual failover waits for the replica to have everything: no acknowledged write may be missing.
            await AssertAllPresentAsync(client, writer.Prefix, writer.Acked);
        }

        // Kill -9 the node of a master (with its shards): the proxies stop advertising it and the client moves on.
        var victim = (await db.ShardsAsync()).First(s => s.Role == "master").NodeIndex;
        await using (var writer = new ClusterClientWriter(client, "kill:"))
        {
            await writer.WaitForAckedAsync(100, TimeSpan.FromSeconds(30));
            await cluster.Nodes[victim].KillWithShardsAsync();
            writer.ResetGap();
            await writer.WaitForAckedAsync(300, TimeSpan.FromSeconds(60));
            await writer.StopAsync();
            output.WriteLine($"node kill: longest gap {writer.LongestGap.TotalMilliseconds:F0} ms, {writer.Errors.Count} errors (first: {writer.Errors.FirstOrDefault()})");
        }
        var survivor = cluster.Nodes.Select((n, i) => (n, i)).First(x => x.n.IsRunning && x.i != victim).i;
        await AssertLayoutMatchesShardsAsync(cluster, db, client, survivor);
        Assert.DoesNotContain(cluster.Nodes[victim].Address, await RedisCliAsync(cluster, survivor, db.Port, "CLUSTER", "NODES"), StringComparison.Ordinal);
        await AssertAllPresentAsync(client, "pre:", Enumerable.Range(0, Preloaded).ToList());

        var bench = await ToolProcess.RunAsync("redis-benchmark",
            ["-h", cluster.Nodes[survivor].Address, "-p", db.Port.ToString(CultureInfo.InvariantCulture), "--cluster", "-n", "2000", "-c", "4", "-t", "set,get", "-q"],
            timeout: TimeSpan.FromSeconds(120));
        output.WriteLine(bench.Output + bench.Error);
        Assert.Equal(0, bench.ExitCode);
        Assert.Contains("SET:", bench.Output, StringComparison.Ordinal);
        Assert.Contains("GET:", bench.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("rror", bench.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ClusterClientsFollowAReshard()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 64);
        var db = await CreateAsync(cluster, "ossreshard", 12064, shards: 2);
        var entry = (await db.ShardsAsync()).First(s => s.Role == "master").NodeIndex;
        await using var client = await ConnectAsync(db.EndpointOn(entry));
        await PreloadAsync(cluster, db, client);

        int written;
        await using (var writer = new ClusterClientWriter(client, "rs:"))
        {
            await writer.WaitForAckedAsync(100, TimeSpan.FromSeconds(30));
            using var api = cluster.Admin(0);
            var reshard = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{db.Uid}", new JsonObject { ["shards_count"] = 4, ["sharding"] = true });
            Assert.True(reshard.Status == HttpStatusCode.OK, reshard.ToString());
            await cluster.WaitForActionAsync(reshard.Body["action_uid"]!.GetValue<string>(), TimeSpan.FromSeconds(120));
            await db.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
            await AssertLayoutMatchesShardsAsync(cluster, db, client);
            await writer.WaitForAckedAsync(200, TimeSpan.FromSeconds(30));
            await writer.StopAsync();
            output.WriteLine($"reshard: {writer.AckedCount} writes, longest gap {writer.LongestGap.TotalMilliseconds:F0} ms, errors: {string.Join(" | ", writer.Errors)}");
            Assert.Empty(writer.Errors);
            await AssertAllPresentAsync(client, writer.Prefix, writer.Acked);
            written = writer.AckedCount;
        }
        await AssertAllPresentAsync(client, "pre:", Enumerable.Range(0, Preloaded).ToList());
        Assert.Equal(4, (await db.ShardsAsync()).Count(s => s.Role == "master"));

        // Keyspace commands answer per proxy: the proxies' DBSIZEs add up to the database's keys.
        var proxies = client.GetServers().Where(s => s.IsConnected).ToList();
        long total = 0;
        foreach (var proxy in proxies)
        {
            total += await proxy.DatabaseSizeAsync();
        }
        Assert.Equal(Preloaded + written, total);

        var someMaster = (await db.ShardsAsync()).First(s => s.Role == "master");
        var bench = await ToolProcess.RunAsync("redis-benchmark",
            ["-h", cluster.Nodes[someMaster.NodeIndex].Address, "-p", db.Port.ToString(CultureInfo.InvariantCulture), "--cluster", "-n", "2000", "-c", "4", "-t", "set,get", "-q"],
            timeout: TimeSpan.FromSeconds(120));
        output.WriteLine(bench.Output + bench.Error);
        Assert.Equal(0, bench.ExitCode);
        Assert.Contains("GET:", bench.Output, StringComparison.Ordinal);
    }

    private static async Task<ReplicatedDatabase> CreateAsync(LocalCluster cluster, string name, int port, int shards)
    {
        using var api = cluster.Admin(0);
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = name, ["memory_size"] = 200L << 20, ["shards_count"] = shards, ["sharding"] = true, ["replication"] = true,
            ["shards_placement"] = "sparse", ["proxy_policy"] = "all-master-shards", ["oss_cluster"] = true, ["port"] = port,
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        var database = new ReplicatedDatabase(cluster, created.Body["uid"]!.GetValue<int>(), port);
        await database.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
        return database;
    }

    private static Task<ConnectionMultiplexer> ConnectAsync(string endpoint) =>
        ConnectionMultiplexer.ConnectAsync($"{endpoint},abortConnect=false,allowAdmin=true,connectTimeout=2000,syncTimeout=5000,asyncTimeout=5000");

    /// <summary>Writes pre:0..n through the cluster client and waits until every replica holds as many keys as its master.</summary>
    private static async Task PreloadAsync(LocalCluster cluster, ReplicatedDatabase db, ConnectionMultiplexer client)
    {
        var rdb = client.GetDatabase();
        await Task.WhenAll(Enumerable.Range(0, Preloaded).Select(i => rdb.StringSetAsync("pre:" + i, i)));
        await Eventually.TrueAsync(async () =>
        {
            var shards = await db.ShardsAsync();
            foreach (var master in shards.Where(s => s.Role == "master"))
            {
                var replica = shards.Single(s => s.Role == "slave" && s.Slots == master.Slots);
                if (await DbSizeAsync(cluster, master) != await DbSizeAsync(cluster, replica))
                {
                    return false;
                }
            }
            return true;
        }, "every replica to hold its master's keys", TimeSpan.FromSeconds(30));
    }

    private static async Task<long> DbSizeAsync(LocalCluster cluster, ShardInfo shard)
    {
        await using var direct = await ConnectionMultiplexer.ConnectAsync($"{cluster.Nodes[shard.NodeIndex].Address}:{shard.Port}");
        return await direct.GetServer($"{cluster.Nodes[shard.NodeIndex].Address}:{shard.Port}").DatabaseSizeAsync();
    }

    /// <summary>
    /// Every live proxy's CLUSTER SLOTS gives each master's slots to the proxy on the master's node, and the client,
    /// once it refreshed, agrees.
    /// </summary>
    private async Task AssertLayoutMatchesShardsAsync(LocalCluster cluster, ReplicatedDatabase db, ConnectionMultiplexer client, int? askNode = null)
    {
        var lastSeen = "";
        await Eventually.TrueAsync(async () =>
        {
            var shards = await db.ShardsAsync();
            var expected = shards.Where(s => s.Role == "master")
                .SelectMany(s => ParseSlots(s.Slots).Select(r => (r.Start, r.End, Endpoint: db.EndpointOn(s.NodeIndex))))
                .OrderBy(r => r.Start).ToList();
            var nodes = askNode is { } only ? [only] : shards.Where(s => s.Role == "master").Select(s => s.NodeIndex).Distinct().ToList();
            foreach (var node in nodes)
            {
                var slots = await RedisCliAsync(cluster, node, db.Port, "--no-raw", "CLUSTER", "SLOTS");
                var seen = ParseClusterSlots(slots);
                lastSeen = $"node {node}: {string.Join(", ", seen)}; expected {string.Join(", ", expected)}";
                if (!Covers(seen, expected))
                {
                    return false;
                }
            }
            return true;
        }, "the proxies to advertise each master's node", TimeSpan.FromSeconds(30)).ConfigureAwait(false);
        output.WriteLine(lastSeen);

        // The client learns the new layout from a MOVED or its own periodic refresh; a full reconfigure makes it now.
        await client.ConfigureAsync();
        var configuration = await client.GetServers().First(s => s.IsConnected).ClusterNodesAsync();
        Assert.NotNull(configuration);
        foreach (var master in (await db.ShardsAsync()).Where(s => s.Role == "master"))
        {
            foreach (var (start, _) in ParseSlots(master.Slots))
            {
                Assert.Equal(db.EndpointOn(master.NodeIndex), configuration!.GetBySlot(start)?.EndPoint?.ToString());
            }
        }
    }

    private static bool Covers(List<(int Start, int End, string Endpoint)> seen, List<(int Start, int End, string Endpoint)> expected) =>
        expected.All(e => seen.Any(s => s.Start <= e.Start && s.End >= e.End && s.Endpoint == e.Endpoint)) &&
        seen.Sum(s => s.End - s.Start + 1) == 16384;

    /// <summary>Parses <c>redis-cli --no-raw CLUSTER SLOTS</c> output into (start, end, ip:port) triples.</summary>
    private static List<(int Start, int End, string Endpoint)> ParseClusterSlots(string text)
    {
        var values = text.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(line => line[(line.LastIndexOf(' ') + 1)..].Trim('"'))
            .ToList();
        var result = new List<(int, int, string)>();
        // Each entry prints as start, end, ip, port, id.
        for (var i = 0; i + 4 < values.Count; i += 5)
        {
            result.Add((int.Parse(values[i], CultureInfo.InvariantCulture), int.Parse(values[i + 1], CultureInfo.InvariantCulture), $"{values[i + 2]}:{values[i + 3]}"));
        }
        return result;
    }

    private static List<(int Start, int End)> ParseSlots(string slots) =>
        slots.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(r =>
        {
            var parts = r.Split('-');
            var start = int.Parse(parts[0], CultureInfo.InvariantCulture);
            return (start, parts.Length > 1 ? int.Parse(parts[1], CultureInfo.InvariantCulture) : start);
        }).ToList();

    private static string KeyServedBy(ShardInfo master, string prefix)
    {
        var ranges = ParseSlots(master.Slots);
        for (var i = 0; ; i++)
        {
            var key = $"{prefix}:{i}";
            var slot = Spinel.Resp.Slots.HashSlot.Compute(System.Text.Encoding.UTF8.GetBytes(key));
            if (ranges.Any(r => slot >= r.Start && slot <= r.End))
            {
                return key;
            }
        }
    }

    private static async Task<string> RedisCliAsync(LocalCluster cluster, int node, int port, params string[] args)
    {
        var result = await ToolProcess.RunAsync("redis-cli", ["-h", cluster.Nodes[node].Address, "-p", port.ToString(CultureInfo.InvariantCulture), .. args]);
        Assert.True(result.ExitCode == 0, $"redis-cli {string.Join(' ', args)}: {result.Output}{result.Error}");
        return result.Output;
    }

    private static async Task AssertAllPresentAsync(ConnectionMultiplexer client, string prefix, IReadOnlyList<int> written)
    {
        var rdb = client.GetDatabase();
        var values = await Task.WhenAll(written.Select(i => rdb.StringGetAsync(prefix + i)));
        var missing = written.Where((i, n) => values[n] != i).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} of {written.Count} acknowledged writes missing, e.g. {string.Join(", ", missing.Take(10).Select(i => prefix + i))}");
    }
}
