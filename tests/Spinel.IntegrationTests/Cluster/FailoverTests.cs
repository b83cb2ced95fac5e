using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>
/// Real processes under continuous writes acknowledged with WAIT 1: a master shard, a node, a stopped node and the
/// Raft leader die; each time no acknowledged write is lost, the old master serves no writes, and the database gets
/// back to a replica per master. Also manual failover and migration under the same load.
/// </summary>
[Collection(HighAvailabilityCollection.Name)]
public sealed class FailoverTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Resume = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan Converge = TimeSpan.FromSeconds(90);

    [Fact]
    public async Task AKilledMasterShardFailsOverAndComesBackAsAReplica()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 45);
        var db = await ReplicatedDatabase.CreateAsync(cluster, "ha-shard", 12000);
        await using var writer = await AckedWriter.StartAsync(db.EndpointOn(0));
        await writer.WaitForAckedAsync(200, Resume);
        var master = (await db.ShardsAsync()).First(s => s.Role == "master");
        var node = cluster.Nodes[master.NodeIndex];

        writer.ResetGap();
        ClusterNodeProcess.Signal(node.ShardPid(master.Uid)!.Value, "KILL");
        await writer.WaitForWritesAsync(50, Resume);
        output.WriteLine($"longest gap between writes around the shard kill: {writer.LongestGap.TotalMilliseconds:F0} ms");
        output.WriteLine(cluster.Events());

        await db.WaitForFullRedundancyAsync(Converge);
        await writer.WaitForAckedAsync(200, Resume);
        Assert.Equal("slave", (await db.ShardsAsync()).Single(s => s.Uid == master.Uid).Role);
        await AssertRefusesWritesAsync(node.Address, master.Port!.Value);
        await AssertNothingAcknowledgedLostAsync(writer, db.EndpointOn(1), cluster);
    }

    [Fact]
    public async Task AKilledNodeFailsOverAndItsReplicasAreRecreatedElsewhere()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 46);
        await ShortenReplicaGraceAsync(cluster);
        var db = await ReplicatedDatabase.CreateAsync(cluster, "ha-node", 12000);
        var victim = (await db.ShardsAsync()).First(s => s.Role == "master" && s.NodeIndex != 0).NodeIndex;
        await using var writer = await AckedWriter.StartAsync(db.EndpointOn(0));
        await writer.WaitForAckedAsync(200, Resume);

        writer.ResetGap();
        await cluster.Nodes[victim].KillWithShardsAsync();
        await writer.WaitForWritesAsync(50, Resume);
        output.WriteLine($"longest gap between writes around the node kill: {writer.LongestGap.TotalMilliseconds:F0} ms");

        await db.WaitForFullRedundancyAsync(Converge);
        await writer.WaitForAckedAsync(200, Resume);
        Assert.DoesNotContain(await db.ShardsAsync(), s => s.NodeIndex == victim);
        using var api = cluster.Admin(0);
        var node = (await api.GetAsync($"/v1/nodes/{victim + 1}")).Body;
        Assert.Equal("down", node["status"]!.GetValue<string>());
        await AssertNothingAcknowledgedLostAsync(writer, db.EndpointOn(0), cluster);
    }

    [Fact]
    public async Task AStoppedNodeIsFailedOverAndItsOldMasterRejoinsAsAReplica()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 47);
        var db = await ReplicatedDatabase.CreateAsync(cluster, "ha-stop", 12000);
        var master = (await db.ShardsAsync()).First(s => s.Role == "master" && s.NodeIndex != 0);
        var victim = cluster.Nodes[master.NodeIndex];
        await using var writer = await AckedWriter.StartAsync(db.EndpointOn(0));
        await writer.WaitForAckedAsync(200, Resume);

        writer.ResetGap();
        victim.SignalAll("STOP");
        try
        {
            // Masters whose replica is on the stopped node take writes that no replica can acknowledge until it is back.
            await writer.WaitForWritesAsync(50, Resume);
        }
        finally
        {
            victim.SignalAll("CONT");
            output.WriteLine(cluster.Events());
            cluster.SaveLogs(nameof(AStoppedNodeIsFailedOverAndItsOldMasterRejoinsAsAReplica));
        }
        output.WriteLine($"longest gap between writes around the stop: {writer.LongestGap.TotalMilliseconds:F0} ms");

        await db.WaitForFullRedundancyAsync(Converge);
        await writer.WaitForAckedAsync(200, Resume);
        Assert.Equal("slave", (await db.ShardsAsync()).Single(s => s.Uid == master.Uid).Role);
        await AssertRefusesWritesAsync(victim.Address, master.Port!.Value);
        await AssertNothingAcknowledgedLostAsync(writer, db.EndpointOn(0), cluster);
    }

    [Fact]
    public async Task AKilledLeaderNodeIsReplacedAndItsMastersFailOver()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 48);
        // Three masters placed sparse: every node runs one, the leader's included.
        var db = await ReplicatedDatabase.CreateAsync(cluster, "ha-leader", 12000, shards: 3);
        var leader = await cluster.LeaderIndexAsync();
        var survivor = (leader + 1) % 3;
        var masterOnLeader = (await db.ShardsAsync()).First(s => s.Role == "master" && s.NodeIndex == leader);
        await using var writer = await AckedWriter.StartAsync(db.EndpointOn(survivor));
        await writer.WaitForAckedAsync(200, Resume);

        writer.ResetGap();
        await cluster.Nodes[leader].KillWithShardsAsync();
        await writer.WaitForWritesAsync(50, Resume);
        output.WriteLine($"longest gap between writes around the leader kill: {writer.LongestGap.TotalMilliseconds:F0} ms");
        output.WriteLine(cluster.Events());
        Assert.NotEqual(leader, await cluster.LeaderIndexAsync());

        await cluster.RestartAsync(leader);
        await db.WaitForFullRedundancyAsync(Converge);
        await writer.WaitForAckedAsync(200, Resume);
        Assert.Equal("slave", (await db.ShardsAsync()).Single(s => s.Uid == masterOnLeader.Uid).Role);
        await AssertNothingAcknowledgedLostAsync(writer, db.EndpointOn(survivor), cluster);
    }

    [Fact]
    public async Task ManualFailoverAndMigrationUnderLoadLoseNothing()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 49);
        var db = await ReplicatedDatabase.CreateAsync(cluster, "ha-manual", 12000);
        await using var writer = await AckedWriter.StartAsync(db.EndpointOn(0));
        await writer.WaitForAckedAsync(200, Resume);
        using var api = cluster.Admin(1);

        var master = (await db.ShardsAsync()).First(s => s.Role == "master");
        var failover = await api.PostAsync($"/v1/shards/{master.Uid}/actions/failover", new JsonObject());
        Assert.True(failover.Status == HttpStatusCode.OK, failover.ToString());
        await cluster.WaitForActionAsync(failover.Body["action_uid"]!.GetValue<string>());
        var afterFailover = await db.ShardsAsync();
        Assert.Equal("slave", afterFailover.Single(s => s.Uid == master.Uid).Role);
        await writer.WaitForAckedAsync(200, Resume);

        var moving = afterFailover.First(s => s.Role == "master");
        var pairNodes = afterFailover.Where(s => s.Slots == moving.Slots).Select(s => s.NodeIndex).ToHashSet();
        var target = Enumerable.Range(0, 3).First(i => !pairNodes.Contains(i));
        var migrate = await api.PostAsync("/v1/shards/actions/migrate", new JsonObject
        {
            ["shard_uids"] = new JsonArray(moving.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            ["target_node_uid"] = target + 1,
        });
        Assert.True(migrate.Status == HttpStatusCode.OK, migrate.ToString());
        await cluster.WaitForActionAsync(migrate.Body["action_uid"]!.GetValue<string>());
        await writer.WaitForAckedAsync(200, Resume);

        await db.WaitForFullRedundancyAsync(Converge);
        var final = await db.ShardsAsync();
        Assert.DoesNotContain(final, s => s.Uid == moving.Uid);
        Assert.Contains(final, s => s.Role == "master" && s.NodeIndex == target);
        await AssertNothingAcknowledgedLostAsync(writer, db.EndpointOn(2), cluster);
        Assert.True(writer.Errors.Count == 0, $"the client saw errors during planned operations: {string.Join(" | ", writer.Errors.Take(5))}");
    }

    [Fact]
    public async Task ReplicationTurnedOnOnlineThenANodeRemovedUnderLoad()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 50);
        using var api = cluster.Admin(0);
        var created = await api.PostAsync("/v1/bdbs", new JsonObject
        {
            ["name"] = "ha-remove", ["memory_size"] = 200L * 1024 * 1024, ["shards_count"] = 2, ["sharding"] = true,
            ["shards_placement"] = "sparse", ["proxy_policy"] = "all-nodes", ["port"] = 12000,
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        var db = new ReplicatedDatabase(cluster, created.Body["uid"]!.GetValue<int>(), 12000);
        var replicate = await api.PutAsync($"/v1/bdbs/{db.Uid}", new JsonObject { ["replication"] = true });
        Assert.True(replicate.Status == HttpStatusCode.OK, replicate.ToString());
        await cluster.WaitForActionAsync(replicate.Body["action_uid"]!.GetValue<string>());
        await db.WaitForFullRedundancyAsync(Converge);
        await using var writer = await AckedWriter.StartAsync(db.EndpointOn(0));
        await writer.WaitForAckedAsync(200, Resume);

        var removed = await api.PostAsync("/v1/nodes/3/actions/remove", null);
        Assert.True(removed.Status == HttpStatusCode.OK, removed.ToString());
        // The removed node stops by itself once it learns it is out; the others finish the action.
        await Eventually.TrueAsync(() => Task.FromResult(!cluster.Nodes[2].IsRunning), "the removed node to stop", TimeSpan.FromSeconds(120));
        await cluster.WaitForActionAsync(removed.Body["action_uid"]!.GetValue<string>(), TimeSpan.FromSeconds(60));

        var nodes = (await api.GetAsync("/v1/nodes")).Body.AsArray();
        Assert.Equal(2, nodes.Count);
        await db.WaitForFullRedundancyAsync(Converge);
        Assert.DoesNotContain(await db.ShardsAsync(), s => s.NodeIndex == 2);
        await writer.WaitForAckedAsync(200, Resume);
        await AssertNothingAcknowledgedLostAsync(writer, db.EndpointOn(1), cluster);
        Assert.True(writer.Errors.Count == 0, $"the client saw errors while the node was removed: {string.Join(" | ", writer.Errors.Take(5))}");
    }

    private async Task AssertNothingAcknowledgedLostAsync(AckedWriter writer, string endpoint, LocalCluster cluster)
    {
        await writer.StopAsync();
        var lost = await writer.FindLostAsync(endpoint);
        output.WriteLine($"writes: {writer.AckedCount} acknowledged by a replica, {writer.UnackedCount} by the master only, {writer.Errors.Count} failed");
        Assert.True(lost.Count == 0, $"{lost.Count} of {writer.AckedCount} WAIT-acknowledged writes are lost, e.g. {string.Join(',', lost.Take(10))}\n{cluster.Logs()}");
    }

    private static async Task AssertRefusesWritesAsync(string host, int port)
    {
        // A raw client: StackExchange.Redis would refuse to send a write to a replica itself.
        await using var shard = await RawRespClient.ConnectAsync(port, host);
        Assert.StartsWith("-READONLY", await shard.CommandAsync("SET", "old-master-write", "x"), StringComparison.Ordinal);
    }

    private static async Task ShortenReplicaGraceAsync(LocalCluster cluster)
    {
        using var api = cluster.Admin(0);
        var response = await api.PutAsync("/v1/cluster", new JsonObject { ["slave_ha_grace_period"] = 2 });
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
    }
}
