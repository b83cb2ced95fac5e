using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Infrastructure;
using Spinel.Resp.Slots;
using Xunit.Abstractions;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>Online resharding 1 -> 2 -> 4 of a replicated database under concurrent writes, checked shard by shard.</summary>
[Collection(HighAvailabilityCollection.Name)]
public sealed class ReshardTests(ITestOutputHelper output)
{
    [Fact]
    public async Task ReshardingOneToTwoToFourUnderReadsAndWritesKeepsEveryKeyOnceOnItsOwnShard()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 51);
        var db = await ReplicatedDatabase.CreateAsync(cluster, "reshard", 12000, shards: 1, memorySize: 2L << 30);
        var keys = await TypedKeys.LoadAsync(db.EndpointOn(0), 200_000);
        await using var writer = await AckedWriter.StartAsync(db.EndpointOn(1));
        await using var reader = await CheckingReader.StartAsync(db.EndpointOn(2), keys);
        await writer.WaitForAckedAsync(100, TimeSpan.FromSeconds(30));
        using var api = cluster.Admin(0);

        foreach (var count in new[] { 2, 4 })
        {
            if (count == 4)
            {
                var refused = await api.PutAsync($"/v1/bdbs/{db.Uid}", new JsonObject { ["shards_count"] = 3, ["sharding"] = true });
                Assert.True(refused.Status == HttpStatusCode.NotAcceptable, refused.ToString());
                Assert.Contains("multiple", refused.Text, StringComparison.Ordinal);
            }
            var reshard = await api.PutAsync($"/v1/bdbs/{db.Uid}", new JsonObject { ["shards_count"] = count, ["sharding"] = true });
            Assert.True(reshard.Status == HttpStatusCode.OK, reshard.ToString());
            await cluster.WaitForActionAsync(reshard.Body["action_uid"]!.GetValue<string>(), TimeSpan.FromSeconds(120));
            await writer.WaitForAckedAsync(100, TimeSpan.FromSeconds(30));
        }
        await db.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
        await writer.StopAsync();
        await reader.StopAsync();

        Assert.Equal(4, (await db.ShardsAsync()).Count(s => s.Role == "master"));
        var total = await keys.VerifyOnShardsAsync(cluster, db);
        Assert.Equal(keys.Count + writer.AckedCount + writer.UnackedCount, total);
        var lost = await writer.FindLostAsync(db.EndpointOn(0));
        output.WriteLine($"writer: {writer.AckedCount} acknowledged, {writer.Errors.Count} errors; reader: {reader.Reads} reads, {reader.Problems.Count} problems");
        Assert.Empty(lost);
        Assert.True(writer.Errors.Count == 0, $"the writer saw errors during the reshard: {string.Join(" | ", writer.Errors.Take(5))}");
        Assert.True(reader.Problems.Count == 0, $"the reader saw errors or wrong values during the reshard: {string.Join(" | ", reader.Problems.Take(5))}");
        Assert.True(reader.Reads > 1000, $"the reader read only {reader.Reads} keys");
    }

    [Fact]
    public async Task AReshardWhoseLeaderDiesIsFinishedByTheNextLeader()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 55);
        var db = await ReplicatedDatabase.CreateAsync(cluster, "leaderless", 12000, shards: 1, memorySize: 2L << 30);
        var keys = await TypedKeys.LoadAsync(db.EndpointOn(0), 50_000);
        var leader = await cluster.LeaderIndexAsync();
        var survivor = (leader + 1) % cluster.Nodes.Count;
        using var api = cluster.Admin(survivor);
        if ((await db.ShardsAsync()).Single(s => s.Role == "master") is { } master && master.NodeIndex == leader)
        {
            // Only the control plane is to die here, not the master being split: move the master off the leader's node.
            var failover = await api.PostAsync($"/v1/shards/{master.Uid}/actions/failover", new JsonObject());
            Assert.True(failover.Status == HttpStatusCode.OK, failover.ToString());
            await cluster.WaitForActionAsync(failover.Body["action_uid"]!.GetValue<string>());
            await db.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
        }
        await using var writer = await AckedWriter.StartAsync(db.EndpointOn(survivor));
        await writer.WaitForAckedAsync(100, TimeSpan.FromSeconds(30));

        var reshard = await api.PutAsync($"/v1/bdbs/{db.Uid}", new JsonObject { ["shards_count"] = 2, ["sharding"] = true });
        Assert.True(reshard.Status == HttpStatusCode.OK, reshard.ToString());
        var actionUid = reshard.Body["action_uid"]!.GetValue<string>();
        var killedIn = await WaitForStateAsync(api, actionUid, state => state != "create_shards");
        await cluster.Nodes[leader].KillAsync();
        output.WriteLine($"killed leader node {leader + 1} with the reshard in state {killedIn}");

        var outcome = await FinishAsync(api, actionUid, TimeSpan.FromSeconds(90));
        if (outcome["status"]!.GetValue<string>() == "failed")
        {
            // A reshard may still roll back (the new shard's node was the leader's and it did not sync in time, say): the
            // database must be as before, and asking again must work.
            output.WriteLine($"the reshard was rolled back: {outcome["error"]}");
            await cluster.RestartAsync(leader);
            await db.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
            Assert.Single(await db.ShardsAsync(), s => s.Role == "master");
            var again = await api.PutAsync($"/v1/bdbs/{db.Uid}", new JsonObject { ["shards_count"] = 2, ["sharding"] = true });
            Assert.True(again.Status == HttpStatusCode.OK, again.ToString());
            await cluster.WaitForActionAsync(again.Body["action_uid"]!.GetValue<string>(), TimeSpan.FromSeconds(90));
        }
        else
        {
            await cluster.RestartAsync(leader);
        }
        await db.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
        await writer.WaitForAckedAsync(50, TimeSpan.FromSeconds(30));
        await writer.StopAsync();

        Assert.Equal(2, (await db.ShardsAsync()).Count(s => s.Role == "master"));
        var total = await keys.VerifyOnShardsAsync(cluster, db);
        Assert.InRange(total, keys.Count + writer.AckedCount, keys.Count + writer.AckedCount + writer.UnackedCount + writer.Errors.Count);
        Assert.Empty(await writer.FindLostAsync(db.EndpointOn(survivor)));
        output.WriteLine($"writer: {writer.AckedCount} acknowledged, {writer.Errors.Count} errors");
    }

    [Fact]
    public async Task AMasterKilledDuringTheTrimFailsOverAndTheReshardFinishes()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 56);
        var db = await ReplicatedDatabase.CreateAsync(cluster, "trimkill", 12000, shards: 1, memorySize: 2L << 30);
        var keys = await TypedKeys.LoadAsync(db.EndpointOn(0), 200_000);
        await using var writer = await AckedWriter.StartAsync(db.EndpointOn(1));
        await writer.WaitForAckedAsync(100, TimeSpan.FromSeconds(30));
        using var api = cluster.Admin(0);
        var original = (await db.ShardsAsync()).Single(s => s.Role == "master");

        var reshard = await api.PutAsync($"/v1/bdbs/{db.Uid}", new JsonObject { ["shards_count"] = 2, ["sharding"] = true });
        Assert.True(reshard.Status == HttpStatusCode.OK, reshard.ToString());
        var actionUid = reshard.Body["action_uid"]!.GetValue<string>();
        await WaitForStateAsync(api, actionUid, state => state == "trim");
        var pid = cluster.Nodes[original.NodeIndex].ShardPid(original.Uid);
        Assert.NotNull(pid);
        ClusterNodeProcess.Signal(pid.Value, "KILL");

        await cluster.WaitForActionAsync(actionUid, TimeSpan.FromSeconds(90));
        await db.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
        await writer.WaitForAckedAsync(50, TimeSpan.FromSeconds(30));
        await writer.StopAsync();
        output.WriteLine(cluster.Events());

        var shards = await db.ShardsAsync();
        Assert.Equal(2, shards.Count(s => s.Role == "master"));
        Assert.Equal("slave", shards.Single(s => s.Uid == original.Uid).Role);
        var total = await keys.VerifyOnShardsAsync(cluster, db);
        Assert.InRange(total, keys.Count + writer.AckedCount, keys.Count + writer.AckedCount + writer.UnackedCount + writer.Errors.Count);
        Assert.Empty(await writer.FindLostAsync(db.EndpointOn(0)));
        output.WriteLine($"writer: {writer.AckedCount} acknowledged, {writer.Errors.Count} errors, longest gap {writer.LongestGap.TotalMilliseconds:0} ms");
    }

    /// <summary>Polls the action until its state satisfies <paramref name="reached"/>; returns that state.</summary>
    private static async Task<string> WaitForStateAsync(RestClient api, string actionUid, Func<string, bool> reached)
    {
        var state = "";
        await Eventually.TrueAsync(async () =>
        {
            var action = await api.GetAsync($"/v1/actions/{actionUid}");
            state = action.Body["state"]?.GetValue<string>() ?? "";
            Assert.NotEqual("failed", action.Body["status"]?.GetValue<string>());
            return reached(state);
        }, $"action {actionUid} to reach the state wanted", TimeSpan.FromSeconds(60));
        return state;
    }

    /// <summary>Waits until the action completed or failed, asking the node <paramref name="api"/> talks to.</summary>
    private static async Task<JsonNode> FinishAsync(RestClient api, string actionUid, TimeSpan timeout)
    {
        JsonNode? last = null;
        await Eventually.TrueAsync(async () =>
        {
            var action = await api.GetAsync($"/v1/actions/{actionUid}");
            last = action.Status == HttpStatusCode.OK ? action.Body : last;
            return last?["status"]?.GetValue<string>() is "completed" or "failed";
        }, $"action {actionUid} to finish", timeout);
        return last!;
    }
}
