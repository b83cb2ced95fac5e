using Spinel.Discovery.Tests.Infrastructure;

namespace Spinel.Discovery.Tests.Hosting;

/// <summary>What clients send around the Sentinel commands: PING, HELLO, AUTH, CLIENT, INFO, ROLE, unknown commands.</summary>
public sealed class ConnectionCommandTests : IAsyncLifetime
{
    private DiscoveryServer _server = null!;
    private TestClient _client = null!;

    public async Task InitializeAsync()
    {
        _server = await DiscoveryServer.StartAsync();
        _client = await _server.ConnectAsync();
    }

    public async Task DisposeAsync()
    {
        await _client.DisposeAsync();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Ping_NoArgument_Pong()
    {
        Assert.Equal("+PONG\r\n", await _client.CommandAsync("PING"));
        Assert.Equal(Wire.Bulk("hi"), await _client.CommandAsync("ping", "hi"));
    }

    [Fact]
    public async Task InlineCommand_AsRedisCliSendsByHand_IsAnswered()
    {
        await _client.SendAsync("PING\r\n");
        Assert.Equal("+PONG\r\n", await _client.ReadAsync());
        await _client.SendAsync("SENTINEL get-master-addr-by-name orders\r\n");
        Assert.Equal(Wire.Array("10.0.0.2", "12000"), await _client.ReadAsync());
    }

    [Fact]
    public async Task Auth_AnyCredentials_Accepted()
    {
        Assert.Equal("+OK\r\n", await _client.CommandAsync("AUTH", "whatever"));
        Assert.Equal("+OK\r\n", await _client.CommandAsync("AUTH", "default", "whatever"));
    }

    [Fact]
    public async Task Hello_Resp2_AnswersSentinelModeAsAFlatArray()
    {
        var reply = await _client.CommandAsync("HELLO", "2", "AUTH", "default", "pw", "SETNAME", "app");

        var fields = Wire.Fields(reply);
        Assert.StartsWith("*14\r\n", reply, StringComparison.Ordinal);
        Assert.Equal("sentinel", fields["mode"]);
        Assert.Equal("redis", fields["server"]);
        Assert.Equal(Wire.Bulk("app"), await _client.CommandAsync("CLIENT", "GETNAME"));
    }

    [Fact]
    public async Task Hello_Resp3_SwitchesRepliesToMapsAndNulls()
    {
        Assert.StartsWith("%7\r\n", await _client.CommandAsync("HELLO", "3"), StringComparison.Ordinal);

        Assert.StartsWith("%20\r\n", await _client.CommandAsync("SENTINEL", "MASTER", "orders"), StringComparison.Ordinal);
        Assert.Equal("_\r\n", await _client.CommandAsync("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "nope"));
        Assert.StartsWith("=", await _client.CommandAsync("INFO"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Hello_UnsupportedVersion_NoProto()
    {
        Assert.Equal(Wire.Error("NOPROTO unsupported protocol version"), await _client.CommandAsync("HELLO", "4"));
    }

    [Fact]
    public async Task Client_SetNameGetNameAndId()
    {
        Assert.Equal("$-1\r\n", await _client.CommandAsync("CLIENT", "GETNAME"));
        Assert.Equal("+OK\r\n", await _client.CommandAsync("CLIENT", "SETNAME", "worker"));
        Assert.Equal(Wire.Bulk("worker"), await _client.CommandAsync("CLIENT", "GETNAME"));
        Assert.Matches("^:[0-9]+\r\n$", await _client.CommandAsync("CLIENT", "ID"));
        Assert.Equal("+OK\r\n", await _client.CommandAsync("CLIENT", "SETINFO", "LIB-NAME", "x"));
        Assert.Equal(Wire.Error("ERR unknown subcommand 'kill'. Try CLIENT HELP."), await _client.CommandAsync("CLIENT", "kill"));
    }

    [Fact]
    public async Task Info_Default_SaysSentinelModeAndListsTheMasters()
    {
        var info = Wire.BulkText(await _client.CommandAsync("INFO"));

        Assert.Contains("# Server", info, StringComparison.Ordinal);
        Assert.Contains("redis_mode:sentinel", info, StringComparison.Ordinal);
        Assert.Contains($"tcp_port:{_server.Port}", info, StringComparison.Ordinal);
        Assert.Contains("sentinel_masters:6", info, StringComparison.Ordinal);
        Assert.Contains("master0:name=orders,status=ok,address=10.0.0.2:12000,slaves=0,sentinels=2", info, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Info_ReplicationSection_IsEmptyAsOnSentinel()
    {
        Assert.Equal("$0\r\n\r\n", await _client.CommandAsync("INFO", "replication"));
        var server = Wire.BulkText(await _client.CommandAsync("INFO", "server"));
        Assert.DoesNotContain("# Sentinel", server, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Role_AnswersSentinelAndItsMasters()
    {
        var reply = await _client.CommandAsync("ROLE");

        Assert.StartsWith("*2\r\n$8\r\nsentinel\r\n*6\r\n$6\r\norders\r\n", reply, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ConfigGetAndCommand_AnswerEmpty()
    {
        Assert.Equal("*0\r\n", await _client.CommandAsync("CONFIG", "GET", "timeout"));
        Assert.Equal("*0\r\n", await _client.CommandAsync("COMMAND", "DOCS"));
    }

    [Fact]
    public async Task UnknownCommand_AnswersRedisErrorWithItsArguments()
    {
        Assert.Equal(Wire.Error("ERR unknown command 'SET', with args beginning with: 'k' 'v' "), await _client.CommandAsync("SET", "k", "v"));
        Assert.Equal(Wire.Error("ERR unknown command 'flushall', with args beginning with: "), await _client.CommandAsync("flushall"));
    }

    [Fact]
    public async Task WrongArity_AnswersRedisError()
    {
        Assert.Equal(Wire.Error("ERR wrong number of arguments for 'echo' command"), await _client.CommandAsync("ECHO"));
        Assert.Equal(Wire.Error("ERR wrong number of arguments for 'subscribe' command"), await _client.CommandAsync("SUBSCRIBE"));
    }

    [Fact]
    public async Task Quit_AnswersOkAndCloses()
    {
        Assert.Equal("+OK\r\n", await _client.CommandAsync("QUIT"));
        Assert.True(await _client.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
    }
}
