using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>A 3-node cluster of real processes: databases created, changed and deleted through REST, checked through their endpoints and shards.</summary>
public sealed class ClusterDatabaseTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync(subnet: 41);

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task DatabaseLifecycleThroughRestAndEndpoints()
    {
        using var api = _cluster.Admin(1);
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = "orders",
            ["memory_size"] = 300L * 1024 * 1024,
            ["shards_count"] = 3, ["sharding"] = true,
            ["shards_placement"] = "sparse",
            ["proxy_policy"] = "all-nodes",
            ["port"] = 12010,
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var uid = created.Body["uid"]!.GetValue<int>();
        await _cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());

        var bdb = (await api.GetAsync($"/v1/bdbs/{uid}")).Body;
        Assert.Equal("active", bdb["status"]!.GetValue<string>());
        Assert.Equal(3, bdb["shards_count"]!.GetValue<int>());
        var addresses = bdb["endpoints"]![0]!["addr"]!.AsArray().Select(a => a!.GetValue<string>()).Order().ToArray();
        Assert.Equal(_cluster.Nodes.Select(n => n.Address).Order().ToArray(), addresses);

        // Sparse placement: one master on each node, each a real redis-server at its node's address.
        var shards = (await api.GetAsync($"/v1/bdbs/{uid}/shards")).Body.AsArray();
        Assert.Equal(3, shards.Count);
        Assert.Equal(3, shards.Select(s => s!["node_uid"]!.ToString()).Distinct().Count());

        // Data written through one node's endpoint is read through another's and spread over the shards.
        await using (var writer = await ConnectionMultiplexer.ConnectAsync($"{_cluster.Nodes[0].Address}:12010"))
        {
            for (var i = 0; i < 300; i++)
            {
                await writer.GetDatabase().StringSetAsync($"key:{i}", $"value:{i}");
            }
        }
        await using (var reader = await ConnectionMultiplexer.ConnectAsync($"{_cluster.Nodes[2].Address}:12010"))
        {
            Assert.Equal("value:123", (string?)await reader.GetDatabase().StringGetAsync("key:123"));
        }
        var perShard = new List<long>();
        foreach (var node in _cluster.Nodes)
        {
            foreach (var port in ShardPorts(node))
            {
                await using var shard = await ConnectionMultiplexer.ConnectAsync($"{node.Address}:{port},allowAdmin=true");
                perShard.Add(await shard.GetServers()[0].DatabaseSizeAsync());
            }
        }
        Assert.Equal(300, perShard.Sum());
        Assert.All(perShard, n => Assert.InRange(n, 50, 200));

        // Update: memory reaches the shards' maxmemory, the password is enforced at the endpoint.
        var updated = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{uid}", new JsonObject
        {
            ["memory_size"] = 600L * 1024 * 1024,
            ["authentication_redis_pass"] = "tenant-pass",
        });
        Assert.True(updated.Status == HttpStatusCode.OK, updated.ToString());
        await _cluster.WaitForActionAsync(updated.Body["action_uid"]!.GetValue<string>());
        await Eventually.TrueAsync(async () =>
        {
            var node = _cluster.Nodes[0];
            await using var shard = await ConnectionMultiplexer.ConnectAsync($"{node.Address}:{ShardPorts(node).First()},allowAdmin=true");
            var maxmemory = (await shard.GetServers()[0].ConfigGetAsync("maxmemory")).Single().Value;
            return maxmemory == (200L * 1024 * 1024).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }, "maxmemory of a shard to be a third of the new memory_size");
        var noAuth = await Assert.ThrowsAnyAsync<RedisException>(async () =>
        {
            await using var anonymous = await ConnectionMultiplexer.ConnectAsync($"{_cluster.Nodes[1].Address}:12010");
            await anonymous.GetDatabase().StringGetAsync("key:1");
        });
        Assert.Contains("NOAUTH", noAuth.ToString(), StringComparison.Ordinal);
        await using (var authed = await ConnectionMultiplexer.ConnectAsync($"{_cluster.Nodes[1].Address}:12010,password=tenant-pass"))
        {
            Assert.Equal("value:7", (string?)await authed.GetDatabase().StringGetAsync("key:7"));
        }

        // Delete: the endpoint stops listening on every node, the shards stop, the database is gone.
        var deleted = await api.DeleteAsync($"/v1/bdbs/{uid}");
        Assert.True(deleted.Status == HttpStatusCode.OK, deleted.ToString());
        await _cluster.WaitForActionAsync(deleted.Body["action_uid"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.NotFound, (await api.GetAsync($"/v1/bdbs/{uid}")).Status);
        foreach (var node in _cluster.Nodes)
        {
            await Eventually.TrueAsync(() => Task.FromResult(!IsListening(node.Address, 12010)), $"endpoint on {node.Address} to close");
            await Eventually.TrueAsync(() => Task.FromResult(!ShardPorts(node).Any()), $"shards on {node.Address} to stop");
        }
    }

    [Fact]
    public async Task ConcurrentChangesToOneDatabaseAreRefusedWithBusy()
    {
        using var api = _cluster.Admin(0);
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject { ["name"] = "busy", ["memory_size"] = 100L * 1024 * 1024 });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        var uid = created.Body["uid"]!.GetValue<int>();
        var second = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{uid}", new JsonObject { ["memory_size"] = 200L * 1024 * 1024 });
        if (second.Status == HttpStatusCode.OK)
        {
            // The create finished first on a fast machine; a change while that update runs must be refused instead.
            second = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{uid}", new JsonObject { ["memory_size"] = 300L * 1024 * 1024 });
        }
        Assert.Equal(HttpStatusCode.Conflict, second.Status);
        Assert.Contains(second.Body["error_code"]!.GetValue<string>(), new[] { "busy", "db_busy" });
        await _cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
    }

    [Fact]
    public async Task PortHeldByAnotherProcessIsRefusedAndInsufficientResourcesReported()
    {
        using var api = _cluster.Admin(2);
        var squatter = new System.Net.Sockets.TcpListener(IPAddress.Parse(_cluster.Nodes[1].Address), 12020);
        squatter.Start();
        try
        {
            var refused = await api.PostAsync("/v1/bdbs", new JsonObject { ["name"] = "squat", ["memory_size"] = 1024 * 1024 * 100, ["port"] = 12020 });
            Assert.True(refused.Status == (HttpStatusCode)406, refused.ToString());
            Assert.Equal("port_unavailable", refused.Body["error_code"]!.GetValue<string>());
            Assert.Contains("12020", refused.Body["description"]!.GetValue<string>(), StringComparison.Ordinal);
        }
        finally
        {
            squatter.Stop();
        }
        var tooBig = await api.PostAsync("/v1/bdbs", new JsonObject { ["name"] = "huge", ["memory_size"] = 1L << 50, ["shards_count"] = 2, ["sharding"] = true });
        Assert.Equal((HttpStatusCode)406, tooBig.Status);
        Assert.Equal("insufficient_resources", tooBig.Body["error_code"]!.GetValue<string>());
        Assert.DoesNotContain((await api.GetAsync("/v1/bdbs")).Body.AsArray(), b => b!["name"]!.GetValue<string>() is "squat" or "huge");
    }

    [Fact]
    public async Task WrongCredentialsAreRefused()
    {
        using var wrong = _cluster.As(0, LocalCluster.AdminUser, "not-the-password");
        var refused = await wrong.GetAsync("/v1/bdbs");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.Status);
        using var nobody = _cluster.As(1, "nobody@spinel.test", "whatever");
        Assert.Equal(HttpStatusCode.Unauthorized, (await nobody.PostAsync("/v1/bdbs", new JsonObject { ["name"] = "x", ["memory_size"] = 1 })).Status);
        using var anonymous = _cluster.Anonymous(2);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/nodes")).Status);
    }

    /// <summary>Ports of the redis-server shards that run for this node, from their pid files and config.</summary>
    internal static IEnumerable<int> ShardPorts(ClusterNodeProcess node)
    {
        var shards = Path.Combine(node.DataDir, "shards");
        if (!Directory.Exists(shards))
        {
            yield break;
        }
        foreach (var conf in Directory.GetFiles(shards, "redis.conf", SearchOption.AllDirectories))
        {
            var portLine = File.ReadLines(conf).FirstOrDefault(l => l.StartsWith("port ", StringComparison.Ordinal));
            if (portLine is not null && int.TryParse(portLine.AsSpan(5).Trim(), out var port) && IsListening(node.Address, port))
            {
                yield return port;
            }
        }
    }

    internal static bool IsListening(string address, int port)
    {
        try
        {
            using var client = new System.Net.Sockets.TcpClient();
            client.Connect(IPAddress.Parse(address), port);
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }
}
