using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Cluster;
using Spinel.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.IntegrationTests.Durability;

/// <summary>
/// <c>memory_size</c> and <c>eviction_policy</c> on real shards: <c>noeviction</c> answers redis's OOM error through
/// the endpoint, a larger <c>memory_size</c> applies online, and an LRU database under pressure evicts instead.
/// </summary>
public sealed class MemoryLimitTests(ITestOutputHelper output)
{
    private const long Mb = 1L << 20;
    private static readonly byte[] Value = new byte[4096];

    [Fact]
    public async Task NoEvictionRefusesWritesWhenFullUntilTheLimitGrowsAndLruEvicts()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 67);
        var tight = await CreateAsync(cluster, "tight", 12068, 16 * Mb, "noeviction");
        var cache = await CreateAsync(cluster, "cache", 12069, 16 * Mb, "allkeys-lru");

        await using var client = await ConnectionMultiplexer.ConnectAsync($"{tight.Endpoint},abortConnect=false");
        var (written, error) = await FillAsync(client.GetDatabase(), "t:", 40 * Mb);
        output.WriteLine($"noeviction: {written} writes, then {error}");
        Assert.NotNull(error);
        Assert.StartsWith("OOM command not allowed when used memory > 'maxmemory'", error, StringComparison.Ordinal);
        Assert.True(written > 1000, $"only {written} writes fitted in 16 MB");

        using (var api = cluster.Admin(0))
        {
            var resize = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{tight.Uid}", new JsonObject { ["memory_size"] = 64 * Mb });
            Assert.True(resize.Status == HttpStatusCode.OK, resize.ToString());
            if (resize.Body["action_uid"]?.GetValue<string>() is { } action)
            {
                await cluster.WaitForActionAsync(action);
            }
        }
        await Eventually.TrueAsync(async () =>
        {
            try
            {
                await client.GetDatabase().StringSetAsync("t:after-resize", Value);
                return true;
            }
            catch (RedisServerException)
            {
                return false;
            }
        }, "writes to be taken again once memory_size grew", TimeSpan.FromSeconds(30));

        await using var cacheClient = await ConnectionMultiplexer.ConnectAsync($"{cache.Endpoint},abortConnect=false");
        var (cached, cacheError) = await FillAsync(cacheClient.GetDatabase(), "c:", 40 * Mb);
        Assert.Null(cacheError);
        var shard = (await new ReplicatedDatabase(cluster, cache.Uid, cache.Port).ShardsAsync()).Single();
        await using var direct = await ConnectionMultiplexer.ConnectAsync($"{cluster.Nodes[shard.NodeIndex].Address}:{shard.Port},allowAdmin=true");
        var server = direct.GetServer($"{cluster.Nodes[shard.NodeIndex].Address}:{shard.Port}");
        var evicted = long.Parse((await server.InfoAsync("stats")).SelectMany(g => g).Single(p => p.Key == "evicted_keys").Value, System.Globalization.CultureInfo.InvariantCulture);
        var kept = await server.DatabaseSizeAsync();
        output.WriteLine($"allkeys-lru: {cached} writes, {kept} keys kept, {evicted} evicted");
        Assert.True(evicted > 0, "nothing was evicted");
        Assert.True(kept < cached, $"{kept} keys kept of {cached} written into 16 MB");
    }

    /// <summary>Writes 4 KB values until <paramref name="bytes"/> were written or the first error; returns the writes that succeeded and that error.</summary>
    private static async Task<(int Written, string? Error)> FillAsync(IDatabase db, string prefix, long bytes)
    {
        var written = 0;
        for (var i = 0; (long)i * Value.Length < bytes; i++)
        {
            try
            {
                await db.StringSetAsync(prefix + i, Value);
                written++;
            }
            catch (RedisServerException ex)
            {
                return (written, ex.Message);
            }
        }
        return (written, null);
    }

    private static async Task<(int Uid, int Port, string Endpoint)> CreateAsync(LocalCluster cluster, string name, int port, long memory, string eviction)
    {
        using var api = cluster.Admin(0);
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = name, ["memory_size"] = memory, ["port"] = port, ["eviction_policy"] = eviction,
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        var uid = created.Body["uid"]!.GetValue<int>();
        return (uid, port, cluster.EndpointServing(port) ?? throw new InvalidOperationException($"no node serves port {port}"));
    }
}
