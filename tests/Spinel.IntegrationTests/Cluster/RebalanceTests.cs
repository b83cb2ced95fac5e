using System.Globalization;
using System.Net;
using System.Text.Json.Nodes;
using Spinel.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>Rebalance after a node joins: the dry run's blueprint is what the rebalance makes, under a reader and a WAIT writer.</summary>
[Collection(HighAvailabilityCollection.Name)]
public sealed class RebalanceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Resume = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ANodeJoinsAndTheRebalanceMovesWhatItsDryRunNamedWithoutAClientError()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 54);
        var db = await ReplicatedDatabase.CreateAsync(cluster, "rebalance", 12000, shards: 2);
        using var api = cluster.Admin(0);
        // Sparse on 3 nodes, one node holds two shards: failing over the pairs of its replicas gives it two masters, so
        // the rebalance has to move a master (a handover under load), not only a replica.
        var shards = await db.ShardsAsync();
        output.WriteLine($"placed: {Layout(shards)}");
        var crowded = shards.GroupBy(s => s.NodeIndex).Single(g => g.Count() == 2);
        var masters = crowded.Where(s => s.Role == "slave").Select(r => shards.Single(s => s.Role == "master" && s.Slots == r.Slots).Uid).ToList();
        if (masters.Count > 0)
        {
            var failover = await api.WriteAsync(HttpMethod.Post, "/v1/shards/actions/failover", new JsonObject
            {
                ["shard_uids"] = new JsonArray([.. masters.Select(uid => (JsonNode)uid)]),
            });
            Assert.True(failover.Status == HttpStatusCode.OK, failover.ToString());
            await cluster.WaitForActionAsync(failover.Body["action_uid"]!.GetValue<string>());
            await db.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
        }
        var keys = await TypedKeys.LoadAsync(db.EndpointOn(0), 20_000);
        var joined = await cluster.AddNodeAsync();

        // A node that just joined counts as down until the leader hears its first heartbeats: plan once it is usable.
        var blueprint = "";
        await Eventually.TrueAsync(async () =>
        {
            var dryRun = await api.PutAsync($"/v1/bdbs/{db.Uid}/actions/rebalance?dry_run=true", null);
            Assert.True(dryRun.Status == HttpStatusCode.OK, dryRun.ToString());
            blueprint = Layout(dryRun.Body.AsArray());
            return blueprint.Contains($"master@{joined + 1}", StringComparison.Ordinal);
        }, "the dry run to move a master to the new node", TimeSpan.FromSeconds(30));
        output.WriteLine($"blueprint: {blueprint}");

        await using var writer = await AckedWriter.StartAsync(db.EndpointOn(1));
        await using var reader = await CheckingReader.StartAsync(db.EndpointOn(2), keys);
        await writer.WaitForAckedAsync(100, Resume);
        var rebalance = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{db.Uid}/actions/rebalance", null);
        Assert.True(rebalance.Status == HttpStatusCode.OK, rebalance.ToString());
        await cluster.WaitForActionAsync(rebalance.Body["action_uid"]!.GetValue<string>(), TimeSpan.FromSeconds(120));
        await writer.WaitForAckedAsync(100, Resume);
        await db.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
        await writer.StopAsync();
        await reader.StopAsync();

        Assert.Equal(blueprint, Layout(await db.ShardsAsync()));
        var again = await api.PutAsync($"/v1/bdbs/{db.Uid}/actions/rebalance?dry_run=true", null);
        Assert.Equal(blueprint, Layout(again.Body.AsArray()));
        var total = await keys.VerifyOnShardsAsync(cluster, db);
        output.WriteLine($"writer: {writer.AckedCount} acknowledged, {writer.Errors.Count} errors; reader: {reader.Reads} reads, {reader.Problems.Count} problems");
        Assert.Equal(keys.Count + writer.AckedCount + writer.UnackedCount, total);
        Assert.Empty(await writer.FindLostAsync(db.EndpointOn(0)));
        Assert.True(writer.Errors.Count == 0, $"the writer saw errors during the rebalance: {string.Join(" | ", writer.Errors.Take(5))}");
        Assert.True(reader.Problems.Count == 0, $"the reader saw errors or wrong values during the rebalance: {string.Join(" | ", reader.Problems.Take(5))}");
    }

    // Each group as "slots:role@node,...", master first, groups by slots: comparable between a blueprint and the shards.
    private static string Layout(JsonArray blueprint) => string.Join(" ", blueprint
        .Select(g => $"{g!["slot_range"]}:" + string.Join(",", g["nodes"]!.AsArray().Select(n => $"{n!["role"]}@{n["node_uid"]}")))
        .Order(StringComparer.Ordinal));

    private static string Layout(IEnumerable<ShardInfo> shards) => string.Join(" ", shards
        .GroupBy(s => s.Slots)
        .Select(g => $"{g.Key}:" + string.Join(",", g.OrderBy(s => s.Role == "master" ? 0 : 1).ThenBy(s => s.Uid)
            .Select(s => $"{s.Role}@{(s.NodeIndex + 1).ToString(CultureInfo.InvariantCulture)}")))
        .Order(StringComparer.Ordinal));
}
