using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Proxy;

/// <summary>Connection commands the proxy answers itself: PING, ECHO, HELLO, AUTH, SELECT, QUIT, RESET, TIME, errors.</summary>
[Collection(NodeCollection.Name)]
[Trait("Category", "Integration")]
public sealed class ConnectionCommandTests(SharedNode shared)
{
    private SpinelTestNode Node => shared.Node;

    [Fact]
    public async Task Ping_WithAndWithoutArgument_RepliesLikeRedis()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["PING"], ["PING", "hello world"], ["ECHO", "echoed"]);

        Assert.Equal(redis, proxy);
        Assert.Equal(["+PONG", "hello world", "echoed"], proxy);
    }

    [Fact]
    public async Task Hello_NoArguments_RepliesServerFactsAsResp2Array()
    {
        await using var client = await Node.ConnectRawAsync();

        var hello = await client.CommandTreeAsync("HELLO");

        Assert.Equal('*', hello.Type);
        var fields = hello.AsMap();
        Assert.Equal(["server", "version", "proto", "id", "mode", "role", "modules"], fields.Keys);
        Assert.Equal("redis", fields["server"].Text);
        Assert.Equal("2", fields["proto"].Text);
        Assert.Equal("standalone", fields["mode"].Text);
        Assert.Equal("master", fields["role"].Text);
        Assert.Equal(":" + fields["id"].Text, await client.CommandAsync("CLIENT", "ID"));
    }

    [Fact]
    public async Task Hello_3ThenHello2_SwitchesTheReplyProtocol()
    {
        await using var client = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("conn:hello", 1);
        await client.CommandAsync("HSET", key, "f", "v");

        var hello3 = await client.CommandTreeAsync("HELLO", "3");
        Assert.Equal('%', hello3.Type);
        Assert.Equal("3", hello3.AsMap()["proto"].Text);
        Assert.Equal("%[f, v]", await client.CommandAsync("HGETALL", key));
        Assert.Equal("(nil)", await client.CommandAsync("GET", "conn:hello:missing"));
        Assert.Equal('_', (await client.CommandTreeAsync("GET", "conn:hello:missing")).Type);

        var hello2 = await client.CommandTreeAsync("HELLO", "2");
        Assert.Equal('*', hello2.Type);
        Assert.Equal("2", hello2.AsMap()["proto"].Text);
        Assert.Equal("[f, v]", await client.CommandAsync("HGETALL", key));
    }

    [Fact]
    public async Task Hello_Protocol4_RepliesNoProtoLikeRedis()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["HELLO", "4"], ["PING"]);

        Assert.Equal(redis, proxy);
        Assert.Equal("-NOPROTO unsupported protocol version", proxy[0]);
    }

    [Fact]
    public async Task Hello_BadArguments_RepliesLikeRedis()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(
            ["HELLO", "x"], ["HELLO", "3", "AUTH", "default"], ["HELLO", "3", "NOSUCHOPTION"], ["HELLO", "3", "SETNAME", "bad name"], ["PING"]);

        Assert.Equal(redis, proxy);
        Assert.All(proxy.Take(4), reply => Assert.StartsWith("-", reply));
    }

    [Fact]
    public async Task Hello_3SetName_SetsTheClientName()
    {
        await using var client = await Node.ConnectRawAsync();

        var hello = await client.CommandTreeAsync("HELLO", "3", "SETNAME", "conn-hello-name");

        Assert.Equal('%', hello.Type);
        Assert.Equal("conn-hello-name", await client.CommandAsync("CLIENT", "GETNAME"));
    }

    [Fact]
    public async Task Auth_NoPasswordConfigured_RepliesLikeRedisNopassDefaultUser()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["AUTH", "anything"], ["AUTH", "default", "anything"], ["AUTH", "DEFAULT", "x"], ["AUTH", "bob", "x"]);

        Assert.Equal(redis, proxy);
        Assert.StartsWith("-ERR AUTH <password> called without any password configured", proxy[0]);
        Assert.Equal("+OK", proxy[1]);
        Assert.Equal("-WRONGPASS invalid username-password pair or user is disabled.", proxy[3]);
    }

    [Fact]
    public async Task Select_Zero_RepliesOk()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal("+OK", await client.CommandAsync("SELECT", "0"));
    }

    [Fact]
    public async Task Select_NotANumber_RepliesLikeRedis()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["SELECT", "zero"]);

        Assert.Equal(redis, proxy);
    }

    [Fact]
    public async Task Select_One_RepliesErrorAndStaysOnDatabaseZero()
    {
        await using var client = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("conn:select", 2);
        await client.CommandAsync("SET", key, "db0");

        Assert.StartsWith("-ERR", await client.CommandAsync("SELECT", "1"));

        Assert.Equal("db0", await client.CommandAsync("GET", key));
    }

    [Fact]
    public async Task Quit_RepliesOkThenClosesTheConnection()
    {
        await using var client = await Node.ConnectRawAsync();

        Assert.Equal("+OK", await client.CommandAsync("QUIT"));

        Assert.True(await client.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task Quit_PipelinedBeforeOtherCommands_AnswersEarlierOnesAndIgnoresLaterOnes()
    {
        await using var client = await Node.ConnectRawAsync();
        var key = Node.KeyOnShard("conn:quit", 1);
        await client.CommandAsync("DEL", key);

        await client.SendAsync(Spinel.Resp.Framing.RespWriter.EncodeCommand("PING")
            .Concat(Spinel.Resp.Framing.RespWriter.EncodeCommand("QUIT"))
            .Concat(Spinel.Resp.Framing.RespWriter.EncodeCommand("SET", key, "after-quit")).ToArray());

        Assert.Equal("+PONG", await client.ReadAsync());
        Assert.Equal("+OK", await client.ReadAsync());
        Assert.True(await client.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        await using var other = await Node.ConnectRawAsync();
        Assert.Equal(":0", await other.CommandAsync("EXISTS", key));
    }

    [Fact]
    public async Task Reset_AfterMultiNameAndResp3_RestoresAFreshConnection()
    {
        await using var client = await Node.ConnectRawAsync();
        await client.CommandAsync("HELLO", "3");
        await client.CommandAsync("CLIENT", "SETNAME", "before-reset");
        await client.CommandAsync("MULTI");

        Assert.Equal("+RESET", await client.CommandAsync("RESET"));

        Assert.Equal("-ERR EXEC without MULTI", await client.CommandAsync("EXEC"));
        Assert.Equal("(nil)", await client.CommandAsync("CLIENT", "GETNAME"));
        Assert.Equal('$', (await client.CommandTreeAsync("GET", "conn:reset:missing")).Type);
    }

    [Fact]
    public async Task Reset_WhileSubscribed_LeavesPubSubMode()
    {
        await using var client = await Node.ConnectRawAsync();
        await using var publisher = await Node.ConnectRawAsync();
        var channel = Node.KeyOnShard("conn:reset:chan", 1);
        await client.CommandAsync("SUBSCRIBE", channel);

        Assert.Equal("+RESET", await client.CommandAsync("RESET"));

        Assert.Equal("(nil)", await client.CommandAsync("GET", "conn:reset:missing"));
        await Eventually.TrueAsync(async () => await publisher.CommandAsync("PUBLISH", channel, "x") == ":0", "RESET unsubscribes");
    }

    [Fact]
    public async Task Time_RepliesSecondsAndMicrosecondsOfNow()
    {
        await using var client = await Node.ConnectRawAsync();

        var time = await client.CommandTreeAsync("TIME");

        Assert.Equal(2, time.Children.Count);
        var seconds = long.Parse(time.Children[0].Text);
        var micros = long.Parse(time.Children[1].Text);
        Assert.InRange(seconds, DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 5, DateTimeOffset.UtcNow.ToUnixTimeSeconds() + 5);
        Assert.InRange(micros, 0, 999_999);
    }

    [Fact]
    public async Task UnknownCommand_RepliesRedisErrorText()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["NOSUCHCMD", "a", "b"], ["NOSUCHCMD"]);

        Assert.Equal(redis, proxy);
        Assert.Equal("-ERR unknown command 'NOSUCHCMD', with args beginning with: 'a' 'b' ", proxy[0]);
    }

    [Fact]
    public async Task Get_WrongNumberOfArguments_RepliesRedisErrorText()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["GET"], ["GET", "a", "b"], ["SET", "a"]);

        Assert.Equal(redis, proxy);
        Assert.Equal("-ERR wrong number of arguments for 'get' command", proxy[0]);
    }

    [Fact]
    public async Task UnknownSubcommand_RepliesRedisErrorText()
    {
        var (proxy, redis) = await Node.RunOnBothAsync(["OBJECT", "NOSUCH", "key"], ["XINFO", "NOSUCH"]);

        Assert.Equal(redis, proxy);
    }
}
