using System.Net;
using System.Text.Json.Nodes;
using Spinel.IntegrationTests.Cluster;
using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Security;

/// <summary>
/// Redis ACLs end to end on a real 3-node cluster: a user whose role one database binds to an ACL signs in at that
/// database's endpoint on every node with its own name and password and may do what the ACL allows and nothing more; it
/// cannot sign in at another tenant's database; a changed ACL applies to the open connection; an unbound role locks
/// the user out; the same user has no REST rights beyond its management role.
/// </summary>
public sealed class ClusterRedisAclTests
{
    private const string Password = "Alice-Secret1";
    private const string WrongPass = "-WRONGPASS invalid username-password pair or user is disabled.";

    [Fact]
    public async Task ARoleBoundToAnAclOpensOneDatabaseWithExactlyThoseRights()
    {
        await using var cluster = await LocalCluster.StartAsync(subnet: 76);
        using var api = cluster.Admin(0);
        var tenantA = await CreateDatabaseAsync(api, cluster, "tenant-a", 12085);
        await CreateDatabaseAsync(api, cluster, "tenant-b", 12086);
        var acl = await CreatedUidAsync(api, "/v1/redis_acls", new JsonObject { ["name"] = "app-read", ["acl"] = "+@read +@connection ~app:*" });
        var role = await CreatedUidAsync(api, "/v1/roles", new JsonObject { ["name"] = "app-readers", ["management"] = "none" });
        await CreatedUidAsync(api, "/v1/users", new JsonObject { ["name"] = "alice", ["password"] = Password, ["role_uids"] = new JsonArray(role) });
        await UpdateDatabaseAsync(api, cluster, tenantA, new JsonArray(new JsonObject { ["role_uid"] = role, ["redis_acl_uid"] = acl }));

        foreach (var node in cluster.Nodes)
        {
            await Eventually.TrueAsync(async () => await SignInAsync(node.Address, 12085) is not null, $"alice to sign in at tenant-a on {node.Address}");
        }
        await using var alice = (await SignInAsync(cluster.Nodes[1].Address, 12085))!;
        Assert.Equal("(nil)", await alice.CommandAsync("GET", "app:1"));
        Assert.Equal("-NOPERM this user has no permissions to run the 'set' command", await alice.CommandAsync("SET", "app:1", "v"));
        Assert.Equal("-NOPERM this user has no permissions to access one of the keys used as arguments", await alice.CommandAsync("GET", "billing:1"));
        Assert.Equal("-NOPERM this user has no permissions to run the 'flushall' command", await alice.CommandAsync("FLUSHALL"));
        Assert.Contains("user=alice", await alice.CommandAsync("CLIENT", "INFO"), StringComparison.Ordinal);

        // Another tenant's database does not know alice; the user has no REST rights (management role none).
        foreach (var node in cluster.Nodes)
        {
            await using var other = await RawRespClient.ConnectAsync(12086, node.Address);
            Assert.Equal(WrongPass, await other.CommandAsync("AUTH", "alice", Password));
        }
        using (var aliceApi = cluster.As(0, "alice", Password))
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await aliceApi.GetAsync("/v1/bdbs")).Status);
        }

        // The ACL gains writes: the open connection may write from its next command on.
        var changed = await api.WriteAsync(HttpMethod.Put, $"/v1/redis_acls/{acl}", new JsonObject { ["acl"] = "+@read +@write +@connection ~app:*" });
        Assert.True(changed.Status == HttpStatusCode.OK, changed.ToString());
        await Eventually.TrueAsync(async () => await alice.CommandAsync("SET", "app:1", "v") == "+OK", "the changed ACL to let alice write");
        Assert.Equal("v", await alice.CommandAsync("GET", "app:1"));
        Assert.StartsWith("-NOPERM", await alice.CommandAsync("SET", "billing:1", "v"), StringComparison.Ordinal);

        // The database no longer binds the role: alice's session must sign in again, and cannot.
        await UpdateDatabaseAsync(api, cluster, tenantA, []);
        await Eventually.TrueAsync(async () => await alice.CommandAsync("GET", "app:1") == "-NOAUTH Authentication required.", "alice to be signed out");
        Assert.Equal(WrongPass, await alice.CommandAsync("AUTH", "alice", Password));
    }

    private static async Task<RawRespClient?> SignInAsync(string host, int port)
    {
        var client = await RawRespClient.ConnectAsync(port, host);
        if (await client.CommandAsync("AUTH", "alice", Password) == "+OK")
        {
            return client;
        }
        await client.DisposeAsync();
        return null;
    }

    private static async Task<int> CreateDatabaseAsync(RestClient api, LocalCluster cluster, string name, int port)
    {
        var created = await api.WriteAsync(HttpMethod.Post, "/v1/bdbs", new JsonObject
        {
            ["name"] = name, ["memory_size"] = 100L << 20, ["port"] = port, ["authentication_redis_pass"] = name + "-Pass1",
            ["proxy_policy"] = "all-nodes",
        });
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        await cluster.WaitForActionAsync(created.Body["action_uid"]!.GetValue<string>());
        return created.Body["uid"]!.GetValue<int>();
    }

    private static async Task UpdateDatabaseAsync(RestClient api, LocalCluster cluster, int uid, JsonArray rolesPermissions)
    {
        var updated = await api.WriteAsync(HttpMethod.Put, $"/v1/bdbs/{uid}", new JsonObject { ["roles_permissions"] = rolesPermissions });
        Assert.True(updated.Status == HttpStatusCode.OK, updated.ToString());
        if (updated.Body["action_uid"] is { } action)
        {
            await cluster.WaitForActionAsync(action.GetValue<string>());
        }
    }

    private static async Task<int> CreatedUidAsync(RestClient api, string path, JsonObject body)
    {
        var created = await api.WriteAsync(HttpMethod.Post, path, body);
        Assert.True(created.Status == HttpStatusCode.OK, created.ToString());
        return created.Body["uid"]!.GetValue<int>();
    }
}
