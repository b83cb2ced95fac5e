using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>The control plane through process deaths: a leader killed mid-action, a whole cluster killed and restarted, a lost majority.</summary>
public sealed class ClusterFailureTests
{
    [Fact]
    public async Task NewLeaderResumesCreateInterruptedByLeaderKill()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 42);
        var leader = await cluster.LeaderIndexAsync();
        var follower = (leader + 1) % 3;
        using var api = cluster.Admin(follower);

        // The POST returns once the action is stored (in wait_for_shards); the leader dies before it can finish.
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = "resumed", ["memory_size"] = 100L * 1024 * 1024, ["shards_count"] = 3, ["sharding"] = true, ["shards_placement"] = "sparse",
            ["proxy_policy"] = "all-nodes", ["port"] = 12030,
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        // With its shards: a shard its agent had already started would live on as an orphan, answer the new leader's
        // readiness probe and let the action finish without the node (seen on a loaded machine).
        await cluster.Nodes[leader].KillWithShardsAsync();
        // One of the shards is on the dead node, so nothing can finish the action before that node is back.
        JsonNode? afterKill = null;
        await Eventually.TrueAsync(async () =>
        {
            var response = await api.GetAsync($"/v1/actions/{created.Body["action_uid"]}");
            afterKill = response.Status == HttpStatusCode.OK ? response.Body : null;
            return afterKill is not null;
        }, "the follower to know the action");
        await Task.Delay(1000);
        afterKill = (await api.GetAsync($"/v1/actions/{created.Body["action_uid"]}")).Body;
        Assert.NotEqual("completed", afterKill["status"]!.GetValue<string>());

        // The dead node comes back (its agent must start its shard); a new leader finishes the action meanwhile.
        await cluster.RestartAsync(leader);
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>(), TimeSpan.FromSeconds(90));
        foreach (var node in cluster.Nodes)
        {
            await using var client = await ConnectionMultiplexer.ConnectAsync($"{node.Address}:12030");
            await client.GetDatabase().StringSetAsync("via:" + node.Address, "ok");
            Assert.Equal("ok", (string?)await client.GetDatabase().StringGetAsync("via:" + node.Address));
        }
    }

    [Fact]
    public async Task WholeClusterKilledAndRestartedKeepsItsConfiguration()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 43);
        using (var api = cluster.Admin(0))
        {
            foreach (var (name, port) in new[] { ("alpha", 12040), ("beta", 12041) })
            {
                var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
                {
                    ["name"] = name, ["memory_size"] = 100L * 1024 * 1024, ["shards_count"] = 2, ["sharding"] = true, ["port"] = port,
                });
                Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
                await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
            }
        }
        string before;
        using (var api = cluster.Admin(1))
        {
            before = Describe((await api.GetAsync("/v1/bdbs")).Body) + Describe((await api.GetAsync("/v1/shards")).Body);
        }

        foreach (var node in cluster.Nodes)
        {
            await node.KillAsync();
        }
        for (var i = 0; i < 3; i++)
        {
            await cluster.RestartAsync(i);
        }

        using (var api = cluster.Admin(2))
        {
            await Eventually.TrueAsync(async () => (await api.GetAsync("/v1/bdbs")).Status == HttpStatusCode.OK, "the API to answer after the restart");
            var after = Describe((await api.GetAsync("/v1/bdbs")).Body) + Describe((await api.GetAsync("/v1/shards")).Body);
            Assert.Equal(before, after);
        }
        // The endpoints serve again (the orphaned shards of the killed nodes were replaced by fresh ones).
        foreach (var port in new[] { 12040, 12041 })
        {
            await Eventually.TrueAsync(async () =>
            {
                // Proxy policy single: the endpoint is bound on one node, the one of its first master.
                foreach (var node in cluster.Nodes)
                {
                    try
                    {
                        await using var client = await ConnectionMultiplexer.ConnectAsync($"{node.Address}:{port},connectTimeout=1000,abortConnect=false");
                        await client.GetDatabase().StringSetAsync("after-restart", "1");
                        if ((string?)await client.GetDatabase().StringGetAsync("after-restart") == "1")
                        {
                            return true;
                        }
                    }
                    catch (RedisException)
                    {
                    }
                }
                return false;
            }, $"endpoint {port} to serve after the restart", TimeSpan.FromSeconds(30));
        }

        // And a write works again: the restarted cluster has a leader and a quorum.
        using var writer = cluster.Admin(1);
        var third = await writer.PostAsync("/v1/bdbs", new JsonObject { ["name"] = "gamma", ["memory_size"] = 100L * 1024 * 1024 });
        Assert.True(third.Status == HttpStatusCode.OK, third.ToString());
        await cluster.WaitForActionAsync(third.Body["action_uid"]!.GetValue<string>());
    }

    [Fact]
    public async Task WithoutQuorumReadsAnswerAndWritesGet503()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 44);
        await cluster.Nodes[1].KillAsync();
        await cluster.Nodes[2].KillAsync();
        using var api = cluster.Admin(0);
        await Eventually.TrueAsync(async () =>
        {
            var write = await api.PostAsync("/v1/bdbs", new JsonObject { ["name"] = "lonely", ["memory_size"] = 100L * 1024 * 1024 });
            Assert.NotEqual(HttpStatusCode.OK, write.Status);
            return write.Status == HttpStatusCode.ServiceUnavailable && write.Body["error_code"]!.GetValue<string>() == "no_quorum";
        }, "writes to be refused with 503 no_quorum", TimeSpan.FromSeconds(20));
        var read = await api.GetAsync("/v1/nodes");
        Assert.Equal(HttpStatusCode.OK, read.Status);
        Assert.Equal(3, read.Body.AsArray().Count);

        // The majority comes back and so do writes. A write answered 'timeout' before the quorum was seen lost stays in the
        // leader's log and may commit now (its answer said so), so each attempt here creates a database of its own name.
        await cluster.RestartAsync(1);
        var attempt = 0;
        await Eventually.TrueAsync(async () =>
            (await api.PostAsync("/v1/bdbs", new JsonObject { ["name"] = $"back-{++attempt}", ["memory_size"] = 100L * 1024 * 1024 })).Status == HttpStatusCode.OK,
            "writes to work with two of three nodes", TimeSpan.FromSeconds(30));
    }

    private static string Describe(JsonNode list) => string.Join(';', list.AsArray()
        .Select(o => string.Join(',', o!.AsObject().Where(p => p.Key is "uid" or "name" or "port" or "shards_count" or "node_uid" or "role" or "assigned_slots" or "bdb_uid")
            .OrderBy(p => p.Key).Select(p => $"{p.Key}={p.Value?.ToJsonString()}")))
        .Order());
}
