using System.Text;
using Spinel.Proxy.Tests.Infrastructure;
using Spinel.Resp.Slots;

namespace Spinel.Proxy.Tests.Sessions;

/// <summary>A database with its own <c>shard_key_regex</c>: every routing and CROSSSLOT decision of the proxy follows the rules.</summary>
[Trait("Category", "Integration")]
public sealed class CustomHashingTests
{
    private static readonly string[] UserRules = ["user:(?<tag>[0-9]+):.*"];

    private static int DefaultSlot(string key) => HashSlot.Compute(Encoding.UTF8.GetBytes(key));

    /// <summary>A user id whose <c>name</c> and <c>email</c> keys the default hashing puts on different shards of two.</summary>
    private static int SplitUser() =>
        Enumerable.Range(1, 1000).First(id => DefaultSlot($"user:{id}:name") < 8192 != DefaultSlot($"user:{id}:email") < 8192);

    [Fact]
    public async Task KeysOfOneUser_GoTogetherToTheShardOfTheTag()
    {
        using var first = await TestRedisServer.StartAsync();
        using var second = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([first, second], shardKeyRegex: UserRules);
        await using var client = await proxy.ConnectAsync();
        var id = SplitUser();
        var (name, email) = ($"user:{id}:name", $"user:{id}:email");
        var (owner, other) = KeyHashing.FromRules(UserRules).SlotOf(Encoding.UTF8.GetBytes(name)) < 8192 ? (first, second) : (second, first);

        Assert.Equal("+OK", await client.CallAsync("MSET", name, "n", email, "e"));
        Assert.Equal("+OK", await client.CallAsync("MULTI"));
        Assert.Equal("+QUEUED", await client.CallAsync("SET", name, "ada"));
        Assert.Equal("+QUEUED", await client.CallAsync("APPEND", email, "@x.io"));
        Assert.Equal("[+OK, :6]", await client.CallAsync("EXEC"));
        Assert.Equal("[ada, e@x.io]", await client.CallAsync("MGET", name, email));
        Assert.Equal("+OK", await client.CallAsync("RENAME", email, $"user:{id}:mail"));

        await using var onOwner = await owner.ConnectAsync();
        await using var onOther = await other.ConnectAsync();
        Assert.Equal(":2", await onOwner.CallAsync("EXISTS", name, $"user:{id}:mail"));
        Assert.Equal(":0", await onOther.CallAsync("DBSIZE"));
    }

    [Fact]
    public async Task KeysWithOneHashTagButDifferentRuleTags_AreCrossSlot()
    {
        using var first = await TestRedisServer.StartAsync();
        using var second = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([first, second], shardKeyRegex: UserRules);
        await using var client = await proxy.ConnectAsync();
        Assert.Equal(DefaultSlot("user:1:{t}"), DefaultSlot("user:2:{t}"));
        Assert.Equal("+OK", await client.CallAsync("SET", "user:1:{t}", "v"));

        Assert.StartsWith("-CROSSSLOT", await client.CallAsync("RENAME", "user:1:{t}", "user:2:{t}"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task KeyNoRuleMatches_IsRoutedByTheWholeKeyEvenWithAHashTag()
    {
        using var first = await TestRedisServer.StartAsync();
        using var second = await TestRedisServer.StartAsync();
        await using var proxy = await ProxyTestHost.StartAsync([first, second], shardKeyRegex: UserRules);
        await using var client = await proxy.ConnectAsync();
        // A key whose {tag} and whole-key slots fall on different shards.
        var key = Enumerable.Range(0, 1000).Select(i => $"{{x}}k{i}").First(k =>
            DefaultSlot(k) < 8192 != (HashSlot.Crc16(Encoding.UTF8.GetBytes(k)) & (HashSlot.Count - 1)) < 8192);
        var wholeKeyOwner = (HashSlot.Crc16(Encoding.UTF8.GetBytes(key)) & (HashSlot.Count - 1)) < 8192 ? first : second;

        Assert.Equal("+OK", await client.CallAsync("SET", key, "v"));

        await using var onOwner = await wholeKeyOwner.ConnectAsync();
        Assert.Equal("v", await onOwner.CallAsync("GET", key));
    }
}
