using System.Net;
using System.Text.Json.Nodes;
using Spinel.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>The event log over real processes: what the leader decides shows, in order, on every node's <c>/v1/logs</c>.</summary>
[Collection(HighAvailabilityCollection.Name)]
[Trait("Category", "Integration")]
public sealed class EventLogTests(ITestOutputHelper output)
{
    [Fact]
    public async Task AKilledMasterShard_ShowsOnAnotherNodeAsAShardFailoverAfterTheDatabaseWasCreated()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 58);
        var db = await ReplicatedDatabase.CreateAsync(cluster, "events", 12000);
        var master = (await db.ShardsAsync()).First(s => s.Role == "master");
        var elsewhere = (master.NodeIndex + 1) % cluster.Nodes.Count;

        ClusterNodeProcess.Signal(cluster.Nodes[master.NodeIndex].ShardPid(master.Uid)!.Value, "KILL");

        using var api = cluster.Admin(elsewhere);
        JsonArray events = [];
        await Eventually.TrueAsync(async () =>
        {
            var response = await api.GetAsync("/v1/logs");
            Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
            events = response.Body.AsArray();
            return events.Any(e => IsFailoverOf(e, master.Uid));
        }, $"node {elsewhere + 1} to log the failover of shard {master.Uid}", TimeSpan.FromSeconds(30));
        output.WriteLine(events.ToJsonString());

        var types = events.Select(e => (string?)e!["type"]).ToList();
        var created = events.ToList().FindIndex(e => (string?)e!["type"] == "cluster_bdb_created" && (int?)e["bdb_uid"] == db.Uid);
        var failover = events.ToList().FindIndex(e => IsFailoverOf(e, master.Uid));
        Assert.True(created >= 0, string.Join(',', types));
        Assert.True(created < failover, string.Join(',', types));
        var logged = events[failover]!;
        Assert.Equal(db.Uid, (int?)logged["bdb_uid"]);
        Assert.Equal("auto", (string?)logged["mode"]);
        Assert.Equal(master.NodeIndex + 1, (int?)logged["from_node_uid"]);
        Assert.Equal("WARNING", (string?)logged["severity"]);
        Assert.DoesNotContain(events, e => (string?)e!["type"] == "action_failed");

        var newest = (await api.GetAsync("/v1/logs?order=desc&limit=1")).Body.AsArray();
        Assert.Equal((long?)events[^1]!["uid"], (long?)Assert.Single(newest)!["uid"]);
    }

    private static bool IsFailoverOf(JsonNode? e, int shardUid) => (string?)e?["type"] == "shard_failover" && (int?)e["shard_uid"] == shardUid;
}
