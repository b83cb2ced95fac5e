using System.Text;
using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Robustness;

[Collection(RobustnessCollection.Name)]
[Trait("Category", "Integration")]
public sealed class MalformedInputTests(RobustnessCollection.DefaultNode fixture)
{
    private static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(10);

    private SpinelTestNode Node => fixture.Node;

    public static TheoryData<string, string> Inputs() => new()
    {
        { "multibulk length", "*abc\r\n" },
        { "negative bulk length", "*1\r\n$-5\r\n" },
        { "bulk over 512 MB", "*2\r\n$3\r\nSET\r\n$536870913\r\n" },
        { "missing $", "*2\r\n$3\r\nGET\r\nxx\r\n" },
        { "unbalanced quotes", "SET k \"abc\r\n" },
        { "garbage after star", "*\u00ff\u0001\u0002\r\n" },
    };

    [Theory]
    [MemberData(nameof(Inputs))]
    public async Task Send_MalformedFrameAfterCommands_RepliesToEarlierCommandsThenErrorThenCloses(string name, string input)
    {
        var expected = name switch
        {
            "multibulk length" or "garbage after star" => "-ERR Protocol error: invalid multibulk length",
            "negative bulk length" or "bulk over 512 MB" => "-ERR Protocol error: invalid bulk length",
            "missing $" => "-ERR Protocol error: expected '$', got 'x'",
            _ => "-ERR Protocol error: unbalanced quotes in request",
        };
        await using var client = await Node.ConnectRawAsync();

        await client.SendAsync([.. "PING\r\n*2\r\n$4\r\nECHO\r\n$2\r\nhi\r\n"u8, .. Encoding.Latin1.GetBytes(input)]);

        Assert.Equal("+PONG", await client.ReadAsync());
        Assert.Equal("hi", await client.ReadAsync());
        Assert.Equal(expected, await client.ReadAsync());
        Assert.True(await client.IsClosedByServerAsync(CloseTimeout), "the connection stayed open after a protocol error");
    }

    [Fact]
    public async Task Send_BinaryGarbageBurstWithoutNewline_RepliesTooBigInlineThenCloses()
    {
        var garbage = new byte[200 * 1024];
        new Random(5).NextBytes(garbage);
        for (var i = 0; i < garbage.Length; i++)
        {
            garbage[i] = garbage[i] is (byte)'\n' or (byte)'*' ? (byte)'x' : garbage[i];
        }
        await using var client = await Node.ConnectRawAsync();

        var sending = client.SendAsync(garbage);

        Assert.Equal("-ERR Protocol error: too big inline request", await client.ReadAsync());
        Assert.True(await client.IsClosedByServerAsync(CloseTimeout), "the connection stayed open after a protocol error");
        await IgnoreResetAsync(sending);
    }

    [Fact]
    public async Task Send_MalformedInputFromManyClients_OtherClientsPipelinesCompleteUndisturbed()
    {
        var prefix = "malformed-" + Guid.NewGuid().ToString("N")[..8];
        var pipelines = Enumerable.Range(0, 3).Select(async i =>
        {
            var (bytes, expected) = PipelineRun.Build(prefix + i, seed: 200 + i, count: 5000);
            await using var client = await Node.ConnectRawAsync();
            var replies = await PipelineRun.RunAsync(client.Socket, bytes, expected.Count, chunkSeed: i);
            PipelineRun.AssertReplies(expected, replies, $"pipeline {i}: ");
        }).ToList();
        var attackers = Enumerable.Range(0, 30).Select(async i =>
        {
            var input = (string)Inputs().ElementAt(i % 6)[1];
            await using var client = await Node.ConnectRawAsync();
            await client.SendAsync(Encoding.Latin1.GetBytes(input));
            Assert.StartsWith("-ERR Protocol error: ", await client.ReadAsync());
            Assert.True(await client.IsClosedByServerAsync(CloseTimeout));
        }).ToList();

        await Task.WhenAll([.. pipelines, .. attackers]);

        await using var after = await Node.ConnectRawAsync();
        Assert.Equal("+PONG", await after.CommandAsync("PING"));
    }

    [Fact]
    public async Task Send_HalfFramesThatNeverFinish_DoNotStopOtherClients()
    {
        var key = "slowloris-" + Guid.NewGuid().ToString("N")[..8];
        string[] halves = [$"*3\r\n$3\r\nSET\r\n${key.Length}\r\n{key}\r\n$5\r\nva", "*3\r\n$3\r\nSE", "*2", "*1\r\n$4\r", "SET a b", "*1\r\n$10000\r\nabc"];
        var slow = new List<RawRespClient>();
        try
        {
            foreach (var half in halves.SelectMany(h => Enumerable.Repeat(h, 5)))
            {
                var client = await Node.ConnectRawAsync();
                slow.Add(client);
                await client.SendAsync(half);
            }

            var pipelines = Enumerable.Range(0, 3).Select(async i =>
            {
                var (bytes, expected) = PipelineRun.Build(key + i, seed: 300 + i, count: 3000);
                await using var client = await Node.ConnectRawAsync();
                var replies = await PipelineRun.RunAsync(client.Socket, bytes, expected.Count, timeout: TimeSpan.FromSeconds(30));
                PipelineRun.AssertReplies(expected, replies, $"pipeline {i}: ");
            });
            await Task.WhenAll(pipelines);

            // The first slow client was only waiting for the rest of its frame.
            await slow[0].SendAsync("lue\r\n");
            Assert.Equal("+OK", await slow[0].ReadAsync());
            Assert.Equal("value", await slow[0].CommandAsync("GET", key));
        }
        finally
        {
            foreach (var client in slow)
            {
                await client.DisposeAsync();
            }
        }
    }

    private static async Task IgnoreResetAsync(Task sending)
    {
        try
        {
            await sending;
        }
        catch (System.Net.Sockets.SocketException)
        {
            // The server may close while the rest of the burst is still on its way.
        }
    }
}
