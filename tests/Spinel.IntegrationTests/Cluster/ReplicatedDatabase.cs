using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>A replicated database on a <see cref="LocalCluster"/>, and what its shards really are, asked of the shards themselves.</summary>
public sealed class ReplicatedDatabase(LocalCluster cluster, int uid, int port)
{
    public int Uid => uid;

    public int Port => port;

    public string EndpointOn(int nodeIndex) => $"{cluster.Nodes[nodeIndex].Address}:{port}";

    /// <summary>Creates a database with one replica per master, bound on every node.</summary>
    public static async Task<ReplicatedDatabase> CreateAsync(LocalCluster cluster, string name, int port, int shards = 2, long memorySize = 200L * 1024 * 1024)
    {
        using var api = cluster.Admin(0);
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = name, ["memory_size"] = memorySize, ["shards_count"] = shards, ["sharding"] = true,
            ["replication"] = true, ["shards_placement"] = "sparse", ["proxy_policy"] = "all-nodes", ["port"] = port,
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        var database = new ReplicatedDatabase(cluster, created.Body["uid"]!.GetValue<int>(), port);
        await database.WaitForFullRedundancyAsync(TimeSpan.FromSeconds(60));
        return database;
    }

    /// <summary>The shards as the store has them (from any live node), with each one's port from its node's data.</summary>
    public async Task<IReadOnlyList<ShardInfo>> ShardsAsync()
    {
        var live = cluster.Nodes.Select((n, i) => (n, i)).First(x => x.n.IsRunning).i;
        using var api = cluster.Admin(live);
        var response = await api.GetAsync($"/v1/bdbs/{uid}/shards");
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        return response.Body.AsArray().Select(s =>
        {
            var shardUid = int.Parse(s!["uid"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture);
            var nodeIndex = int.Parse(s["node_uid"]!.ToString(), System.Globalization.CultureInfo.InvariantCulture) - 1;
            return new ShardInfo(shardUid, nodeIndex, s["role"]!.GetValue<string>(), cluster.Nodes[nodeIndex].ShardPort(shardUid),
                s["assigned_slots"]?.ToString() ?? "");
        }).ToList();
    }

    /// <summary>
    /// Waits until every master has a replica on another live node whose link to it is up, and every shard really is
    /// what the store says (asked of the redis-server processes).
    /// </summary>
    public async Task WaitForFullRedundancyAsync(TimeSpan timeout)
    {
        string last = "";
        await Eventually.TrueAsync(async () =>
        {
            var shards = await ShardsAsync();
            var masters = shards.Where(s => s.Role == "master").ToList();
            var replicas = shards.Where(s => s.Role == "slave").ToList();
            if (masters.Count == 0 || replicas.Count != masters.Count)
            {
                last = $"{masters.Count} masters, {replicas.Count} replicas";
                return false;
            }
            foreach (var shard in shards)
            {
                var node = cluster.Nodes[shard.NodeIndex];
                if (!node.IsRunning || shard.Port is not { } shardPort)
                {
                    last = $"shard {shard.Uid} on a stopped node or without a port";
                    return false;
                }
                var info = await ReplicationAsync(node.Address, shardPort);
                if (info is null || info.GetValueOrDefault("role") != (shard.Role == "master" ? "master" : "slave"))
                {
                    last = $"shard {shard.Uid} at {node.Address}:{shardPort} is {info?.GetValueOrDefault("role") ?? "down"}, the store says {shard.Role}";
                    return false;
                }
                if (shard.Role == "slave" && info.GetValueOrDefault("master_link_status") != "up")
                {
                    last = $"replica {shard.Uid} link is {info.GetValueOrDefault("master_link_status")}";
                    return false;
                }
            }
            return true;
        }, $"database {uid} to have full redundancy (last: {last})", timeout);
    }

    /// <summary>The fields of INFO replication of a redis-server; null when it does not answer.</summary>
    public static async Task<Dictionary<string, string>?> ReplicationAsync(string host, int port)
    {
        try
        {
            await using var shard = await ConnectionMultiplexer.ConnectAsync($"{host}:{port},allowAdmin=true,connectTimeout=1000,abortConnect=true");
            var text = (string?)await shard.GetDatabase().ExecuteAsync("INFO", "replication") ?? "";
            return text.Split('\n').Select(l => l.Trim()).Where(l => l.Contains(':', StringComparison.Ordinal))
                .ToDictionary(l => l[..l.IndexOf(':', StringComparison.Ordinal)], l => l[(l.IndexOf(':', StringComparison.Ordinal) + 1)..]);
        }
        catch (RedisConnectionException)
        {
            return null;
        }
    }
}

/// <param name="Uid">Shard uid.</param>
/// <param name="NodeIndex">Index of its node in <see cref="LocalCluster.Nodes"/>.</param>
/// <param name="Role">master or slave, as the store has it.</param>
/// <param name="Port">Its port, from its node's redis.conf.</param>
/// <param name="Slots">Its assigned slots; a master and its replica carry the same.</param>
public sealed record ShardInfo(int Uid, int NodeIndex, string Role, int? Port, string Slots);
