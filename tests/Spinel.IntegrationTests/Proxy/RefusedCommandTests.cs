using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>
/// Commands that would expose or change shard internals are refused; CONFIG GET/SET only see a whitelist. Runs on a
/// node of its own: a refused command that got through (SHUTDOWN, REPLICAOF) would break the shards.
/// </summary>
[Trait("Category", "Integration")]
public sealed class RefusedCommandTests(PrivateNode fixture) : IClassFixture<PrivateNode>
{
    private const string NotAllowed = "-ERR command is not allowed";

    private SpinelTestNode Node => fixture.Node;

    [Theory]
    [InlineData("CONFIG RESETSTAT")]
    [InlineData("CONFIG REWRITE")]
    [InlineData("DEBUG SLEEP 0")]
    [InlineData("DEBUG OBJECT refused:key")]
    [InlineData("SHUTDOWN NOSAVE")]
    [InlineData("REPLICAOF 127.0.0.1 1")]
    [InlineData("REPLICAOF NO ONE")]
    [InlineData("SLAVEOF 127.0.0.1 1")]
    [InlineData("SYNC")]
    [InlineData("PSYNC ? -1")]
    [InlineData("MODULE LOAD /nonexistent/module.so")]
    [InlineData("MODULE LIST")]
    [InlineData("SAVE")]
    [InlineData("BGSAVE")]
    [InlineData("BGREWRITEAOF")]
    [InlineData("MIGRATE 127.0.0.1 1 refused:key 0 1000")]
    [InlineData("MOVE refused:key 1")]
    [InlineData("SWAPDB 0 1")]
    [InlineData("CLUSTER INFO")]
    [InlineData("CLUSTER NODES")]
    [InlineData("ACL SETUSER bob on >pw")]
    [InlineData("ACL DELUSER bob")]
    [InlineData("FAILOVER")]
    [InlineData("MONITOR")]
    public async Task Command_ShardInternals_RepliesNotAllowedAndShardsStayServing(string command)
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal(NotAllowed, await client.CommandAsync(command.Split(' ')));

        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            await using var direct = await Node.ConnectShardAsync(shard);
            Assert.Equal("+PONG", await direct.CommandAsync("PING"));
            Assert.StartsWith("[master,", await direct.CommandAsync("ROLE"));
            Assert.Equal("[default]", await direct.CommandAsync("ACL", "USERS"));
        }
        Assert.Equal("+PONG", await client.CommandAsync("PING"));
    }

    [Fact]
    public async Task Command_RefusedInsideMulti_AbortsTheTransaction()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("MULTI");

        Assert.Equal(NotAllowed, await client.CommandAsync("SAVE"));

        Assert.StartsWith("-EXECABORT", await client.CommandAsync("EXEC"));
    }

    [Fact]
    public async Task ConfigGet_ParameterNotWhitelisted_RepliesEmpty()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal("[]", await client.CommandAsync("CONFIG", "GET", "maxmemory"));
        Assert.Equal("[]", await client.CommandAsync("CONFIG", "GET", "dir"));
    }

    [Fact]
    public async Task ConfigGet_WhitelistedParameter_RepliesNameAndShardValue()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var direct = await Node.ConnectShardAsync(0);

        var reply = await client.CommandAsync("CONFIG", "GET", "notify-keyspace-events");

        Assert.Equal(await direct.CommandAsync("CONFIG", "GET", "notify-keyspace-events"), reply);
        Assert.StartsWith("[notify-keyspace-events, ", reply);
    }

    [Fact]
    public async Task ConfigGet_Star_ShowsOnlyWhitelistedParameters()
    {
        await using var client = await Node.ConnectRawAsync();

        var names = (await client.CommandAsync("CONFIG", "GET", "*")).Trim('[', ']').Split(", ").Where((_, i) => i % 2 == 0).ToList();

        Assert.Contains("notify-keyspace-events", names);
        Assert.Contains("slowlog-max-len", names);
        Assert.DoesNotContain("maxmemory", names);
        Assert.DoesNotContain("port", names);
        Assert.DoesNotContain("dir", names);
        Assert.DoesNotContain("requirepass", names);
    }

    [Fact]
    public async Task ConfigSet_WhitelistedParameter_ReachesEveryShard()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal("+OK", await client.CommandAsync("CONFIG", "SET", "slowlog-max-len", "200"));

        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            await using var direct = await Node.ConnectShardAsync(shard);
            Assert.Equal("[slowlog-max-len, 200]", await direct.CommandAsync("CONFIG", "GET", "slowlog-max-len"));
        }
        Assert.Equal("[slowlog-max-len, 200]", await client.CommandAsync("CONFIG", "GET", "slowlog-max-len"));
    }

    [Fact]
    public async Task ConfigSet_ParameterNotWhitelisted_RepliesErrorAndChangesNoShard()
    {
        await using var client = await Node.ConnectRawAsync();
        var before = new List<string>();
        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            await using var direct = await Node.ConnectShardAsync(shard);
            before.Add(await direct.CommandAsync("CONFIG", "GET", "maxmemory"));
        }

        Assert.StartsWith("-ERR", await client.CommandAsync("CONFIG", "SET", "maxmemory", "12345"));

        for (var shard = 0; shard < Node.Shards.Count; shard++)
        {
            await using var direct = await Node.ConnectShardAsync(shard);
            Assert.Equal(before[shard], await direct.CommandAsync("CONFIG", "GET", "maxmemory"));
        }
    }

    [Fact]
    public async Task ConfigSet_WhitelistedAndForbiddenTogether_ChangesNothing()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("CONFIG", "SET", "slowlog-max-len", "300");

        Assert.StartsWith("-ERR", await client.CommandAsync("CONFIG", "SET", "slowlog-max-len", "400", "dir", "/tmp"));

        await using var direct = await Node.ConnectShardAsync(1);
        Assert.Equal("[slowlog-max-len, 300]", await direct.CommandAsync("CONFIG", "GET", "slowlog-max-len"));
    }
}
