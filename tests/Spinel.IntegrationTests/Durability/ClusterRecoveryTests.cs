using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Cluster;
using Spinel.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.IntegrationTests.Durability;

/// <summary>
/// Two of three nodes lost for good: the survivor's store is wiped and the cluster rebuilt on it from its cluster store
/// file. The persistent database that had a copy there is back with every acknowledged write; the database whose
/// shards lived on the lost nodes comes back with <c>actions/recover</c>, empty but serving; a new node then joins.
/// </summary>
public sealed class ClusterRecoveryTests(ITestOutputHelper output)
{
    private const int Keys = 300;

    [Fact]
    public async Task AClusterThatLostTwoOfThreeNodesIsRebuiltFromTheSurvivorsStoreFile()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 71);
        await cluster.KeepingLogsOnFailureAsync(nameof(AClusterThatLostTwoOfThreeNodesIsRebuiltFromTheSurvivorsStoreFile), output.WriteLine, () => LoseTwoNodesAndRecoverAsync(cluster));
    }

    private async Task LoseTwoNodesAndRecoverAsync(LocalCluster cluster)
    {
        var kept = await CreateAsync(cluster, "kept", 12075, replication: true, shards: 1,
            new JsonObject { ["data_persistence"] = "aof", ["aof_policy"] = "appendfsync-always" });
        var lost = await CreateAsync(cluster, "lost", 12076, replication: false, shards: 3, persistence: null);
        await kept.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
        await using (var client = await ConnectionMultiplexer.ConnectAsync($"{cluster.Nodes[0].Address}:{kept.Port}"))
        {
            await Task.WhenAll(Enumerable.Range(0, Keys).Select(i => client.GetDatabase().StringSetAsync($"kept:{i}", i)));
        }

        // The survivor holds the replica of "kept" (the replica writes the files); the others go for good.
        var survivor = (await kept.ShardsAsync()).Single(s => s.Role == "slave").NodeIndex;
        var storeFile = Path.Combine(cluster.Nodes[survivor].DataDir, "ccs", "cluster-store.json");
        await Eventually.TrueAsync(() => Task.FromResult(StoreFileHasBothDatabasesActive(storeFile)), "the survivor's cluster store file to hold both databases, active");
        for (var i = 0; i < cluster.Nodes.Count; i++)
        {
            await cluster.Nodes[i].KillWithShardsAsync();
        }

        // The operator keeps the survivor's data but not its store (the old membership needs a majority that is gone).
        Directory.Delete(Path.Combine(cluster.Nodes[survivor].DataDir, "raft"), recursive: true);
        File.Delete(Path.Combine(cluster.Nodes[survivor].DataDir, "cluster-member"));
        cluster.Nodes[survivor].Start();
        await cluster.RecoverOnAsync(survivor, storeFile);
        output.WriteLine($"recovered on node {survivor + 1}");

        using var api = cluster.Admin(survivor);
        var nodes = (await api.GetAsync("/v1/nodes")).Body.AsArray();
        Assert.Equal(["active", "down", "down"], nodes.OrderBy(n => n!["uid"]!.GetValue<int>() == survivor + 1 ? 0 : 1).Select(n => n!["status"]!.GetValue<string>()));

        // "kept": the replica on the survivor reloads its append-only file and takes over; every write is there.
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await using var client = await ConnectionMultiplexer.ConnectAsync($"{cluster.Nodes[survivor].Address}:{kept.Port},connectTimeout=2000");
                var values = await Task.WhenAll(Enumerable.Range(0, Keys).Select(i => client.GetDatabase().StringGetAsync($"kept:{i}")));
                var present = values.Count(v => v.HasValue);
                output.WriteLine($"kept: {present}/{Keys}");
                return present == Keys;
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                output.WriteLine($"kept: {e.Message}");
                return false;
            }
        }, "every acknowledged write of 'kept' through the survivor", TimeSpan.FromSeconds(60));

        // "lost": its masters on the lost nodes are placed on the survivor, empty, and the database serves again.
        var recovered = await api.WriteAsync(HttpMethod.Post, $"/v1/bdbs/{lost.Uid}/actions/recover", new JsonObject());
        Assert.True(recovered.Status == HttpStatusCode.OK, recovered.ToString());
        output.WriteLine(recovered.ToString());
        var again = await api.WriteAsync(HttpMethod.Post, $"/v1/bdbs/{lost.Uid}/actions/recover", new JsonObject());
        Assert.Equal(HttpStatusCode.NotAcceptable, again.Status);
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await using var client = await ConnectionMultiplexer.ConnectAsync($"{cluster.Nodes[survivor].Address}:{lost.Port},connectTimeout=2000");
                var db = client.GetDatabase();
                await Task.WhenAll(Enumerable.Range(0, 100).Select(i => db.StringSetAsync($"lost:{i}", i)));
                return (await Task.WhenAll(Enumerable.Range(0, 100).Select(i => db.StringGetAsync($"lost:{i}")))).All(v => v.HasValue);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                output.WriteLine($"lost: {e.Message}");
                return false;
            }
        }, "'lost' to take writes on every slot again", TimeSpan.FromSeconds(60));

        // The recovered cluster takes new members.
        var added = await cluster.AddNodeAsync(viaIndex: survivor);
        var status = (await api.GetAsync("/v1/nodes")).Body.AsArray().Single(n => n!["addr"]!.GetValue<string>() == cluster.Nodes[added].Address);
        Assert.Equal("active", status!["status"]!.GetValue<string>());
        output.WriteLine(cluster.Events());
    }

    private static bool StoreFileHasBothDatabasesActive(string path)
    {
        if (!File.Exists(path))
        {
            return false;
        }
        var bdbs = JsonNode.Parse(File.ReadAllText(path))?["state"]?["bdbs"]?.AsObject();
        return bdbs is not null && bdbs.Count == 2 && bdbs.All(b => b.Value?["status"]?.GetValue<string>() == "active");
    }

    private static async Task<ReplicatedDatabase> CreateAsync(LocalCluster cluster, string name, int port, bool replication, int shards, JsonObject? persistence)
    {
        using var api = cluster.Admin(0);
        var body = new JsonObject
        {
            ["name"] = name, ["memory_size"] = 100L << 20, ["replication"] = replication, ["port"] = port, ["shards_count"] = shards,
            ["sharding"] = shards > 1, ["shards_placement"] = "sparse", ["proxy_policy"] = "all-nodes",
        };
        foreach (var (field, value) in persistence ?? [])
        {
            body[field] = value?.DeepClone();
        }
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", body);
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        return new ReplicatedDatabase(cluster, created.Body["uid"]!.GetValue<int>(), port);
    }
}
