using System.Security.Cryptography;
using System.Text;
using Spinel.IntegrationTests.Infrastructure;
using Spinel.Model;
using StackExchange.Redis;

namespace Spinel.IntegrationTests.Security;

/// <summary>
/// Redis ACL users at a real endpoint: every command a user sends is answered NOPERM exactly when redis-server itself,
/// given the same user (ACL SETUSER on a shard, checked directly), refuses it; read-only ACL introspection; rules and
/// users that change while clients stay connected.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RedisAclTests(PasswordNode fixture) : IClassFixture<PasswordNode>
{
    private const string UserPassword = "user-Secret1";

    private static readonly string[] Rules =
    [
        "+@read ~app:*",
        "+@all -@dangerous ~app:* %R~shared:*",
        "+@write -del %W~in:* ~app:*",
        "+get +set +config|get +client|list +publish +subscribe ~* resetchannels &news:*",
        "+@all -config|get -@pubsub allkeys",
        "+@string +@hash -hset %RW~h:* %R~s:*",
        "allcommands -@write ~*",
        "nocommands +ping +acl|whoami",
        "+@all ~{tag}* &*",
        "+@scripting +@sortedset ~z:* %W~dst:*",
    ];

    private static readonly string[][] Commands =
    [
        ["GET", "app:1"], ["GET", "other:1"], ["SET", "app:1", "v"], ["SET", "other:1", "v"], ["SET", "in:1", "v"],
        ["GET", "in:1"], ["GET", "shared:1"], ["SET", "shared:1", "v"], ["DEL", "app:1"], ["DEL", "app:1", "other:1"],
        ["MGET", "app:1", "shared:1"], ["MGET", "app:1", "other:1"], ["MSET", "app:1", "a", "app:2", "b"],
        ["HSET", "h:1", "f", "v"], ["HGET", "h:1", "f"], ["HGET", "s:1", "f"], ["HSET", "s:1", "f", "v"],
        ["APPEND", "in:1", "x"], ["STRLEN", "in:1"], ["COPY", "app:1", "in:2"], ["COPY", "shared:1", "app:3"],
        ["ZADD", "z:1", "1", "a"], ["ZRANGESTORE", "dst:1", "z:1", "0", "-1"], ["ZRANGESTORE", "z:2", "dst:1", "0", "-1"],
        ["EVAL", "return 1", "1", "z:1"], ["EVAL", "return 1", "1", "other:1"],
        ["CONFIG", "GET", "maxmemory"], ["CLIENT", "LIST"], ["KEYS", "*"], ["SCAN", "0"], ["DBSIZE"], ["FLUSHALL"],
        ["PUBLISH", "news:1", "m"], ["PUBLISH", "other", "m"], ["PING"], ["ACL", "WHOAMI"], ["ACL", "CAT"],
        ["GET", "{tag}1"], ["SET", "{tag}1", "v"], ["EXISTS", "app:1", "shared:1"], ["TYPE", "app:1"],
        ["OBJECT", "ENCODING", "app:1"], ["LPUSH", "app:l", "a"], ["LMOVE", "app:l", "other:l", "LEFT", "LEFT"],
        ["SORT", "app:l", "STORE", "other:s"], ["SORT", "app:l", "STORE", "app:s"], ["EXPIRE", "app:1", "100"],
    ];

    private SpinelTestNode Node => fixture.Node;

    [Fact]
    public async Task EveryRuleSetRefusesExactlyWhatRedisRefuses()
    {
        var names = Rules.Select((_, i) => $"acl-user-{i}").ToArray();
        await UseUsersAsync([.. Rules.Select((rules, i) => (names[i], rules))]);
        await using var shard = await Node.ConnectShardAsync(0);
        var compared = 0;
        var refused = 0;
        for (var i = 0; i < Rules.Length; i++)
        {
            Assert.Equal("+OK", await shard.CommandAsync(["ACL", "SETUSER", names[i], "reset", "on", ">" + UserPassword, "allchannels", .. Rules[i].Split(' ')]));
            await using var direct = await Node.ConnectShardAsync(0);
            await using var endpoint = await Node.ConnectRawAsync();
            Assert.Equal("+OK", await direct.CommandAsync("AUTH", names[i], UserPassword));
            Assert.Equal("+OK", await endpoint.CommandAsync("AUTH", names[i], UserPassword));
            foreach (var command in Commands)
            {
                var expected = await direct.CommandAsync(command);
                var actual = await endpoint.CommandAsync(command);
                var what = $"user '{Rules[i]}', command {string.Join(' ', command)}: redis said {expected}, the endpoint {actual}";
                if (expected.StartsWith("-NOPERM", StringComparison.Ordinal))
                {
                    Assert.True(expected == actual, what);
                    refused++;
                }
                else
                {
                    Assert.False(actual.StartsWith("-NOPERM", StringComparison.Ordinal), what);
                }
                compared++;
            }
        }
        Assert.True(refused > compared / 5 && refused < compared * 4 / 5, $"{refused} of {compared} refused: the rules should refuse some and allow some");
    }

    [Fact]
    public async Task AUserSignsInWithItsOwnPasswordOnlyAndSeesItselfInTheAclCommands()
    {
        await UseUsersAsync(("acl-reader", "+@read +@connection +acl|whoami +acl|users ~app:*"));
        await using var client = await Node.ConnectRawAsync();

        Assert.StartsWith("-WRONGPASS", await client.CommandAsync("AUTH", "acl-reader", PasswordNode.Secret), StringComparison.Ordinal);
        Assert.StartsWith("-WRONGPASS", await client.CommandAsync("AUTH", "acl-nobody", UserPassword), StringComparison.Ordinal);
        Assert.Equal("-NOAUTH Authentication required.", await client.CommandAsync("GET", "app:1"));
        Assert.Equal("+OK", await client.CommandAsync("AUTH", "acl-reader", UserPassword));

        Assert.Equal("acl-reader", await client.CommandAsync("ACL", "WHOAMI"));
        Assert.Matches(@"^\[acl-probe-\d+, acl-reader, default\]$", await client.CommandAsync("ACL", "USERS"));
        Assert.Contains("user=acl-reader", await client.CommandAsync("CLIENT", "INFO"), StringComparison.Ordinal);
        Assert.Equal("-NOPERM this user has no permissions to run the 'acl|list' command", await client.CommandAsync("ACL", "LIST"));
    }

    [Fact]
    public async Task AclListAndGetUserDescribeUsersAsRedisDoes()
    {
        const string rules = "+@all -@dangerous ~app:* %R~shared:* resetchannels &news:*";
        await UseUsersAsync(("acl-described", rules));
        await using var shard = await Node.ConnectShardAsync(0);
        // The node agent gives the shard the user too (with reset's sanitize-payload); compare with a fresh one instead.
        await Eventually.TrueAsync(async () => (await shard.CommandAsync("ACL", "USERS")).Contains("acl-described", StringComparison.Ordinal),
            "the shard gets the user");
        Assert.Equal(":1", await shard.CommandAsync("ACL", "DELUSER", "acl-described"));
        Assert.Equal("+OK", await shard.CommandAsync(["ACL", "SETUSER", "acl-described", "on", ">" + UserPassword, "allchannels", .. rules.Split(' ')]));
        await using var admin = await Node.ConnectRawAsync();
        Assert.Equal("+OK", await admin.CommandAsync("AUTH", PasswordNode.Secret));

        Assert.Equal(await shard.CommandAsync("ACL", "GETUSER", "acl-described"), await admin.CommandAsync("ACL", "GETUSER", "acl-described"));
        var redisLine = (await shard.CommandAsync("ACL", "LIST")).Trim('[', ']').Split(", ").Single(l => l.StartsWith("user acl-described ", StringComparison.Ordinal));
        Assert.Contains(redisLine, await admin.CommandAsync("ACL", "LIST"), StringComparison.Ordinal);
        Assert.Equal("(nil)", await admin.CommandAsync("ACL", "GETUSER", "acl-nobody"));
        // Redis lists a category's commands in its hash table's order.
        Assert.Equal(Sorted(await shard.CommandAsync("ACL", "CAT", "geo")), Sorted(await admin.CommandAsync("ACL", "CAT", "geo")));
        Assert.Equal(await shard.CommandAsync("ACL", "CAT", "nosuch"), await admin.CommandAsync("ACL", "CAT", "nosuch"));
    }

    [Fact]
    public async Task ChangedRulesApplyToConnectedClientsAndARemovedUserMustSignInAgain()
    {
        await UseUsersAsync(("acl-changing", "+@read +@connection ~app:*"));
        using var connection = await ConnectionMultiplexer.ConnectAsync(
            $"127.0.0.1:{Node.Port},user=acl-changing,password={UserPassword},abortConnect=false,connectTimeout=5000,syncTimeout=5000");
        var db = connection.GetDatabase();
        Assert.False((await db.StringGetAsync("app:changing")).HasValue);
        var refused = await Assert.ThrowsAsync<RedisServerException>(() => db.StringSetAsync("app:changing", "v"));
        Assert.StartsWith("NOPERM", refused.Message, StringComparison.Ordinal);

        await UseUsersAsync(("acl-changing", "+@read +@write +@connection ~app:*"));
        Assert.True(await db.StringSetAsync("app:changing", "v"));
        Assert.Equal("v", (string?)await db.StringGetAsync("app:changing"));

        await using var raw = await Node.ConnectRawAsync();
        Assert.Equal("+OK", await raw.CommandAsync("AUTH", "acl-changing", UserPassword));
        await UseUsersAsync();
        Assert.Equal("-NOAUTH Authentication required.", await raw.CommandAsync("GET", "app:changing"));
        Assert.StartsWith("-WRONGPASS", await raw.CommandAsync("AUTH", "acl-changing", UserPassword), StringComparison.Ordinal);
    }

    private static string[] Sorted(string renderedArray) => [.. renderedArray.Trim('[', ']').Split(", ").Order(StringComparer.Ordinal)];

    /// <summary>
    /// Publishes a topology in which the database has exactly these ACL users, all with <see cref="UserPassword"/>, plus
    /// a probe user named after the version, and waits until the endpoint lists the probe: then it applies the rest too.
    /// </summary>
    private async Task UseUsersAsync(params (string Name, string Rules)[] users)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(UserPassword)));
        var current = Node.Topology.Current;
        var probe = $"acl-probe-{current.Version + 1}";
        var database = current.Databases.Single() with
        {
            AclUsers = [.. users.Append((Name: probe, Rules: "nocommands")).Select(u => new DatabaseAclUser { Name = u.Name, Rules = u.Rules, PasswordDigests = [digest] })],
        };
        Node.Topology.Update(current with { Version = current.Version + 1, Databases = [database] });
        await using var admin = await Node.ConnectRawAsync();
        Assert.Equal("+OK", await admin.CommandAsync("AUTH", PasswordNode.Secret));
        await Eventually.TrueAsync(async () => (await admin.CommandAsync("ACL", "USERS")).Contains(probe, StringComparison.Ordinal),
            "the endpoint applies the new users");
    }
}
