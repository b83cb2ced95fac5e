using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Infrastructure;
using Spinel.Resp.Slots;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>An unsharded database turned sharded with custom hashing rules and two shards in one PUT, checked through the endpoint and shard by shard.</summary>
[Collection(HighAvailabilityCollection.Name)]
public sealed class ShardKeyRegexTests
{
    private static readonly string[] UserRules = ["user:(?<tag>[0-9]+):.*", "(?<tag>.*)"];

    [Fact]
    public async Task ShardingOnWithUserRulesKeepsEachUsersKeysTogether()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 53);
        using var api = cluster.Admin(0);
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = "users", ["memory_size"] = 200L * 1024 * 1024, ["port"] = 12000, ["proxy_policy"] = "all-nodes",
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        var db = new ReplicatedDatabase(cluster, created.Body["uid"]!.GetValue<int>(), 12000);
        var keys = await WriteKeysAsync(db.EndpointOn(0), users: 300);

        var reshard = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{db.Uid}", new JsonObject
        {
            ["sharding"] = true,
            ["shard_key_regex"] = new JsonArray([.. UserRules.Select(r => new JsonObject { ["regex"] = r })]),
            ["shards_count"] = 2,
        });
        Assert.True(reshard.Status == HttpStatusCode.OK, reshard.ToString());
        await cluster.WaitForActionAsync(reshard.Body["action_uid"]!.GetValue<string>(), TimeSpan.FromSeconds(120));

        var masters = (await db.ShardsAsync()).Where(s => s.Role == "master").ToList();
        Assert.Equal(2, masters.Count);
        var changeRules = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{db.Uid}", new JsonObject
        {
            ["shard_key_regex"] = new JsonArray(new JsonObject { ["regex"] = "(?<tag>.*)" }),
        });
        Assert.True(changeRules.Status == HttpStatusCode.NotAcceptable, changeRules.ToString());
        Assert.Contains("invalid_sharding", changeRules.Text, StringComparison.Ordinal);

        await using var client = await ConnectionMultiplexer.ConnectAsync(db.EndpointOn(1));
        var redis = client.GetDatabase();
        var split = Enumerable.Range(0, 300).First(id => OnFirstHalf($"user:{id}:name") != OnFirstHalf($"user:{id}:email"));
        var values = await redis.StringGetAsync([(RedisKey)$"user:{split}:name", $"user:{split}:email"]);
        Assert.Equal(new string?[] { $"name-{split}", $"{split}@x.io" }, values.Select(v => (string?)v));
        var transaction = redis.CreateTransaction();
        var renamed = transaction.StringSetAsync($"user:{split}:name", "renamed");
        var visits = transaction.StringIncrementAsync($"user:{split}:visits");
        Assert.True(await transaction.ExecuteAsync());
        Assert.True(await renamed);
        Assert.Equal(split + 2, await visits);
        keys[$"user:{split}:name"] = "renamed";
        keys[$"user:{split}:visits"] = (split + 2).ToString(System.Globalization.CultureInfo.InvariantCulture);
        foreach (var (key, value) in keys)
        {
            Assert.Equal(value, (string?)await redis.StringGetAsync(key));
        }

        var hashing = KeyHashing.FromRules(UserRules);
        var found = new Dictionary<string, int>();
        foreach (var master in masters)
        {
            var owned = SlotSet.Parse(master.Slots);
            await using var shard = await ConnectionMultiplexer.ConnectAsync($"{cluster.Nodes[master.NodeIndex].Address}:{master.Port},allowAdmin=true");
            await foreach (var key in shard.GetServers()[0].KeysAsync(pageSize: 1000))
            {
                var slot = hashing.SlotOf((byte[])key!);
                Assert.True(owned.Contains(slot), $"key {key} (slot {slot}) is on shard {master.Uid} ({master.Slots}), which does not own it");
                found[key!] = found.GetValueOrDefault(key!) + 1;
            }
        }
        Assert.Equal(keys.Keys.Order(StringComparer.Ordinal), found.Keys.Order(StringComparer.Ordinal));
        Assert.All(found, pair => Assert.Equal(1, pair.Value));
    }

    /// <summary>Three string keys per user, plus keys with and without hash tags that only the catch-all rule matches.</summary>
    private static async Task<Dictionary<string, string>> WriteKeysAsync(string endpoint, int users)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(endpoint);
        var db = connection.GetDatabase();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var id = 0; id < users; id++)
        {
            var number = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
            keys[$"user:{id}:name"] = $"name-{id}";
            keys[$"user:{id}:email"] = $"{id}@x.io";
            keys[$"user:{id}:visits"] = (id + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
            keys[$"other:{number}"] = number;
            keys[$"{{tag}}other:{number}"] = number;
        }
        await Task.WhenAll(keys.Select(pair => db.StringSetAsync(pair.Key, pair.Value)));
        return keys;
    }

    private static bool OnFirstHalf(string key) => HashSlot.Compute(Encoding.UTF8.GetBytes(key)) < HashSlot.Count / 2;
}
