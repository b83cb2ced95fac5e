using System.Net;
using System.Text.Json.Nodes;
using StackExchange.Redis;
using Spinel.IntegrationTests.Cluster;
using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Security;

/// <summary>
/// A database's passwords rotated through <c>/v1/bdbs/{uid}/passwords</c> on a real cluster, as a client sees it; no
/// unauthenticated command reaches a shard; <c>default_user</c> off locks the default user out; a client of one
/// database cannot use its password on another.
/// </summary>
public sealed class PasswordRotationTests
{
    private const string NoAuth = "-NOAUTH Authentication required.";
    private const string WrongPass = "-WRONGPASS invalid username-password pair or user is disabled.";

    [Fact]
    public async Task PasswordsRotateWithoutDroppingClients_AndNothingUnauthenticatedReachesAShard()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 72);
        using var api = cluster.Admin(0);
        var secured = await CreateAsync(api, cluster, "secured", 12077, "old-Pass1");
        var other = await CreateAsync(api, cluster, "other", 12078, "other-Pass1");
        var host = cluster.Nodes[0].Address;

        await using var early = await RawRespClient.ConnectAsync(12077, host);
        Assert.Equal("+OK", await early.CommandAsync("AUTH", "old-Pass1"));

        // Unauthenticated commands are answered by the proxy: the shard never counts a GET.
        var getsBefore = await ShardGetCallsAsync(cluster, secured);
        await using (var stranger = await RawRespClient.ConnectAsync(12077, host))
        {
            for (var i = 0; i < 20; i++)
            {
                Assert.Equal(NoAuth, await stranger.CommandAsync("GET", $"k{i}"));
            }
            Assert.Equal(WrongPass, await stranger.CommandAsync("AUTH", "other-Pass1"));
            Assert.Equal(NoAuth, await stranger.CommandAsync("GET", "k"));
        }
        Assert.Equal(getsBefore, await ShardGetCallsAsync(cluster, secured));

        // Add a new password: both work; delete the old: only the new one works, the early client goes on.
        await ExpectOkAsync(api, cluster, HttpMethod.Post, $"/v1/bdbs/{secured}/passwords", "new-Pass2");
        await Eventually.TrueAsync(() => AuthAsync(host, 12077, "new-Pass2"), "the new password to be accepted");
        Assert.True(await AuthAsync(host, 12077, "old-Pass1"));
        await ExpectOkAsync(api, cluster, HttpMethod.Delete, $"/v1/bdbs/{secured}/passwords", "old-Pass1");
        await Eventually.TrueAsync(async () => !await AuthAsync(host, 12077, "old-Pass1"), "the old password to be refused");
        Assert.True(await AuthAsync(host, 12077, "new-Pass2"));
        Assert.Equal("+OK", await early.CommandAsync("SET", "still", "here"));
        var last = await api.WriteAsync(HttpMethod.Delete, $"/v1/bdbs/{secured}/passwords", new JsonObject { ["password"] = "new-Pass2" });
        Assert.Equal(HttpStatusCode.NotAcceptable, last.Status);

        // StackExchange.Redis with the password works; the other database's password does not open this one.
        await using (var client = await ConnectionMultiplexer.ConnectAsync($"{host}:12077,password=new-Pass2"))
        {
            Assert.Equal("here", (string?)await client.GetDatabase().StringGetAsync("still"));
        }
        await Assert.ThrowsAnyAsync<RedisException>(async () =>
        {
            await using var wrong = await ConnectionMultiplexer.ConnectAsync($"{host}:12078,password=new-Pass2,abortConnect=true,connectTimeout=3000");
            await wrong.GetDatabase().StringGetAsync("still");
        });
        Assert.False(await AuthAsync(host, 12078, "new-Pass2"));
        Assert.True(await AuthAsync(host, 12078, "other-Pass1"));

        // default_user off: no password opens the database any more.
        var off = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{secured}", new JsonObject { ["default_user"] = false });
        Assert.True(off.Status == HttpStatusCode.OK, off.ToString());
        await cluster.WaitForActionAsync(off.Body["action_uid"]!.GetValue<string>());
        await Eventually.TrueAsync(async () => !await AuthAsync(host, 12077, "new-Pass2"), "the default user to be disabled");
    }

    private static async Task<int> CreateAsync(RestClient api, LocalCluster cluster, string name, int port, string password)
    {
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = name, ["memory_size"] = 100L << 20, ["port"] = port, ["authentication_redis_pass"] = password, ["proxy_policy"] = "all-nodes",
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        return created.Body["uid"]!.GetValue<int>();
    }

    private static async Task ExpectOkAsync(RestClient api, LocalCluster cluster, HttpMethod method, string path, string password)
    {
        var response = await api.WriteAsync(method, path, new JsonObject { ["password"] = password });
        Assert.True(response.Status == HttpStatusCode.OK, response.ToString());
        await cluster.WaitForActionAsync(response.Body["action_uid"]!.GetValue<string>());
    }

    private static async Task<bool> AuthAsync(string host, int port, string password)
    {
        await using var client = await RawRespClient.ConnectAsync(port, host);
        return await client.CommandAsync("AUTH", password) == "+OK";
    }

    private static async Task<long> ShardGetCallsAsync(LocalCluster cluster, int bdbUid)
    {
        var shard = (await new ReplicatedDatabase(cluster, bdbUid, 0).ShardsAsync()).Single(s => s.Role == "master");
        // No tie-breaker: StackExchange.Redis would send a GET of its own on connect.
        await using var direct = await ConnectionMultiplexer.ConnectAsync($"{cluster.Nodes[shard.NodeIndex].Address}:{shard.Port},allowAdmin=true,tiebreaker=");
        var stats = (string?)await direct.GetDatabase().ExecuteAsync("INFO", "commandstats") ?? "";
        var line = stats.Split('\n').FirstOrDefault(l => l.StartsWith("cmdstat_get:", StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line.Split("calls=")[1].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
    }
}
