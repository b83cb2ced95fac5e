using System.Security.Cryptography;
using System.Text;
using Spinel.IntegrationTests.Infrastructure;
using Spinel.Model;

namespace Spinel.IntegrationTests.Security;

/// <summary>
/// Scripts of a Redis ACL user run on the shard as that user, so the commands inside them obey the user's rules, alone
/// and inside MULTI/EXEC; the default user's scripts keep every right, and the connections the proxy used go back to it.
/// </summary>
[Trait("Category", "Integration")]
public sealed class ScriptAclTests(PasswordNode fixture) : IClassFixture<PasswordNode>
{
    private const string User = "script-user";
    private const string UserPassword = "script-Secret1";

    private SpinelTestNode Node => fixture.Node;

    [Fact]
    public async Task ScriptsOfAnAclUser_RunWithTheUsersRightsOnTheShard_DefaultUserKeepsFullRights()
    {
        await UseUserAsync("+@read +@scripting +multi +exec ~app:*");
        await using var admin = await Node.ConnectRawAsync();
        Assert.Equal("+OK", await admin.CommandAsync("AUTH", PasswordNode.Secret));
        Assert.Equal("+OK", await admin.CommandAsync("SET", "app:1", "v1"));
        Assert.Equal("+OK", await admin.CommandAsync("SET", "secret:1", "s1"));
        await using var user = await Node.ConnectRawAsync();
        Assert.Equal("+OK", await user.CommandAsync("AUTH", User, UserPassword));

        Assert.Equal("v1", await user.CommandAsync("EVAL", "return redis.call('get', KEYS[1])", "1", "app:1"));
        var secret = await user.CommandAsync("EVAL", "return redis.call('get','secret:1')", "0");
        Assert.True(secret.StartsWith("-ERR The user executing the script can't access", StringComparison.Ordinal), secret);
        var write = await user.CommandAsync("EVAL", "return redis.call('set', KEYS[1], 'x')", "1", "app:1");
        Assert.True(write.StartsWith("-ERR The user executing the script can't run this command", StringComparison.Ordinal), write);
        Assert.Equal("v1", await user.CommandAsync("GET", "app:1"));

        Assert.Equal("+OK", await user.CommandAsync("MULTI"));
        Assert.Equal("+QUEUED", await user.CommandAsync("EVAL", "return redis.call('get','secret:1')", "0"));
        Assert.Equal("+QUEUED", await user.CommandAsync("GET", "app:1"));
        var exec = await user.CommandAsync("EXEC");
        Assert.True(exec.StartsWith("[-ERR The user executing the script can't access", StringComparison.Ordinal), exec);
        Assert.EndsWith(", v1]", exec);

        // The default user's scripts and commands still have every right, on connections the user's scripts used.
        Assert.Equal("s1", await admin.CommandAsync("EVAL", "return redis.call('get', KEYS[1])", "1", "secret:1"));
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal("+OK", await admin.CommandAsync("EVAL", "return redis.call('set', KEYS[1], 's2')", "1", "secret:1"));
            Assert.Equal("+OK", await admin.CommandAsync("SET", "secret:1", "s3"));
        }
        Assert.Equal("v1", await user.CommandAsync("EVAL", "return redis.call('get', KEYS[1])", "1", "app:1"));
        Assert.StartsWith("-NOPERM", await user.CommandAsync("GET", "secret:1"));
        Assert.Equal("s3", await admin.CommandAsync("GET", "secret:1"));
    }

    /// <summary>Publishes the user and waits until both the endpoint and the shard know it.</summary>
    private async Task UseUserAsync(string rules)
    {
        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(UserPassword)));
        var current = Node.Topology.Current;
        var database = current.Databases.Single() with
        {
            AclUsers = [new DatabaseAclUser { Name = User, Rules = rules, PasswordDigests = [digest] }],
        };
        Node.Topology.Update(current with { Version = current.Version + 1, Databases = [database] });
        await using var admin = await Node.ConnectRawAsync();
        Assert.Equal("+OK", await admin.CommandAsync("AUTH", PasswordNode.Secret));
        await Eventually.TrueAsync(async () => (await admin.CommandAsync("ACL", "USERS")).Contains(User, StringComparison.Ordinal),
            "the endpoint applies the user");
        for (var i = 0; i < Node.Shards.Count; i++)
        {
            await using var shard = await Node.ConnectShardAsync(i);
            await Eventually.TrueAsync(async () => (await shard.CommandAsync("ACL", "USERS")).Contains(User, StringComparison.Ordinal),
                "the shard applies the user");
        }
    }
}
