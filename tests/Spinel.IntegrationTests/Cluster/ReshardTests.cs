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
    public async Task ReshardingOneToTwoToFourKeepsEveryKeyOnceOnItsOwnShard()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 51);
        var db = await ReplicatedDatabase.CreateAsync(cluster, "reshard", 12000, shards: 1);
        var keys = await LoadKeysAsync(db.EndpointOn(0), 3000);
        await using var writer = await AckedWriter.StartAsync(db.EndpointOn(1));
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

        var shards = await db.ShardsAsync();
        var masters = shards.Where(s => s.Role == "master").ToList();
        Assert.Equal(4, masters.Count);
        long total = 0;
        foreach (var master in masters)
        {
            var owned = ParseSlots(master.Slots);
            await using var shard = await ConnectionMultiplexer.ConnectAsync($"{cluster.Nodes[master.NodeIndex].Address}:{master.Port},allowAdmin=true");
            var server = shard.GetServers()[0];
            await foreach (var key in server.KeysAsync(pageSize: 1000))
            {
                Assert.True(owned.Contains(HashSlot.Compute((byte[])key!)), $"key {key} is on shard {master.Uid} ({master.Slots}), which does not own its slot");
                total++;
            }
        }
        var expected = keys.Count + writer.AckedCount + writer.UnackedCount;
        Assert.Equal(expected, total);
        await using (var reader = await ConnectionMultiplexer.ConnectAsync(db.EndpointOn(2)))
        {
            var rdb = reader.GetDatabase();
            foreach (var (key, kind) in keys.Take(500))
            {
                Assert.Equal(kind, (await rdb.KeyTypeAsync(key)).ToString().ToLowerInvariant());
            }
            Assert.True((await rdb.KeyTimeToLiveAsync(keys.First(k => k.Key.StartsWith("ttl:", StringComparison.Ordinal)).Key)) is { } ttl && ttl > TimeSpan.Zero);
        }
        var lost = await writer.FindLostAsync(db.EndpointOn(0));
        output.WriteLine($"writer: {writer.AckedCount} acknowledged, {writer.Errors.Count} errors");
        Assert.Empty(lost);
        Assert.True(writer.Errors.Count == 0, $"the client saw errors during the reshard: {string.Join(" | ", writer.Errors.Take(5))}");
    }

    private static async Task<List<(string Key, string Kind)>> LoadKeysAsync(string endpoint, int count)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(endpoint);
        var db = connection.GetDatabase();
        var keys = new List<(string, string)>();
        var tasks = new List<Task>();
        for (var i = 0; i < count; i++)
        {
            switch (i % 6)
            {
                case 0: tasks.Add(db.StringSetAsync($"s:{i}", i)); keys.Add(($"s:{i}", "string")); break;
                case 1: tasks.Add(db.HashSetAsync($"h:{i}", [new HashEntry("f", i)])); keys.Add(($"h:{i}", "hash")); break;
                case 2: tasks.Add(db.ListRightPushAsync($"l:{i}", i)); keys.Add(($"l:{i}", "list")); break;
                case 3: tasks.Add(db.SetAddAsync($"set:{i}", i)); keys.Add(($"set:{i}", "set")); break;
                case 4: tasks.Add(db.SortedSetAddAsync($"z:{i}", "m", i)); keys.Add(($"z:{i}", "sortedset")); break;
                default: tasks.Add(db.StringSetAsync($"ttl:{i}", i, TimeSpan.FromHours(1))); keys.Add(($"ttl:{i}", "string")); break;
            }
        }
        await Task.WhenAll(tasks);
        return keys;
    }

    private static HashSet<int> ParseSlots(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries).SelectMany(part =>
        {
            var bounds = part.Split('-');
            var start = int.Parse(bounds[0], System.Globalization.CultureInfo.InvariantCulture);
            var end = bounds.Length > 1 ? int.Parse(bounds[1], System.Globalization.CultureInfo.InvariantCulture) : start;
            return Enumerable.Range(start, end - start + 1);
        }).ToHashSet();
}
