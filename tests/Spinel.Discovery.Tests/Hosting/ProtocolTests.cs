using System.Text;
using Spinel.Discovery.Tests.Infrastructure;

namespace Spinel.Discovery.Tests.Hosting;

/// <summary>Framing: pipelining, split writes, bad RESP; none of it may take the service down.</summary>
public sealed class ProtocolTests : IAsyncLifetime
{
    private DiscoveryServer _server = null!;

    public async Task InitializeAsync() => _server = await DiscoveryServer.StartAsync();

    public async Task DisposeAsync() => await _server.DisposeAsync();

    [Fact]
    public async Task PipelinedCommands_RepliesInOrder()
    {
        await using var client = await _server.ConnectAsync();
        var batch = new StringBuilder();
        for (var i = 0; i < 200; i++)
        {
            batch.Append(Encoding.UTF8.GetString(Spinel.Resp.Framing.RespWriter.EncodeCommand("ECHO", $"m{i}")));
        }
        await client.SendAsync(batch.ToString());

        for (var i = 0; i < 200; i++)
        {
            Assert.Equal(Wire.Bulk($"m{i}"), await client.ReadAsync());
        }
    }

    [Fact]
    public async Task CommandSplitAcrossWrites_IsAnsweredOnceWhole()
    {
        await using var client = await _server.ConnectAsync();
        var command = Encoding.UTF8.GetString(Spinel.Resp.Framing.RespWriter.EncodeCommand("SENTINEL", "GET-MASTER-ADDR-BY-NAME", "orders"));
        foreach (var piece in command.Chunk(5))
        {
            await client.SendAsync(new string(piece));
            await Task.Delay(2);
        }

        Assert.Equal(Wire.Array("10.0.0.2", "12000"), await client.ReadAsync());
    }

    [Theory]
    [InlineData("*2\r\n$4\r\nPING\r\n+oops\r\n", "ERR Protocol error: expected '$', got '+'")]
    [InlineData("*x\r\n", "ERR Protocol error: invalid multibulk length")]
    [InlineData("*1\r\n$-5\r\n", "ERR Protocol error: invalid bulk length")]
    [InlineData("PING \"unbalanced\r\n", "ERR Protocol error: unbalanced quotes in request")]
    public async Task MalformedRequest_AnswersProtocolErrorAndCloses(string raw, string error)
    {
        await using (var client = await _server.ConnectAsync())
        {
            await client.SendAsync(raw);
            Assert.Equal(Wire.Error(error), await client.ReadAsync());
            Assert.True(await client.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
        }
        Assert.Contains(_server.Logs.Entries, e => e.EventId == 4101);

        await using var next = await _server.ConnectAsync();
        Assert.Equal("+PONG\r\n", await next.CommandAsync("PING"));
    }

    [Fact]
    public async Task HugeRequest_IsRefusedAndClosed()
    {
        await using var client = await _server.ConnectAsync();
        await client.SendAsync($"*2\r\n$4\r\nECHO\r\n$1000000\r\n{new string('x', 100_000)}");

        Assert.Equal(Wire.Error("ERR Protocol error: too big request"), await client.ReadAsync());
        Assert.True(await client.IsClosedByServerAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public async Task ClientVanishesMidCommand_ServiceKeepsAnswering()
    {
        var client = await _server.ConnectAsync();
        await client.SendAsync("*3\r\n$8\r\nSENTINEL\r\n");
        await client.DisposeAsync();

        await using var next = await _server.ConnectAsync();
        Assert.Equal("+PONG\r\n", await next.CommandAsync("PING"));
    }
}
