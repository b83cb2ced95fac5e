using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Spinel.IntegrationTests.Infrastructure;
using Xunit.Abstractions;

namespace Spinel.IntegrationTests.Robustness;

/// <summary>
/// A bounded random-input soak against a live endpoint: clients send valid commands mutated at random (flipped bytes,
/// cut frames, wrong, negative and huge lengths, deep nesting, inline garbage, binary noise), in random chunks, while a
/// well-behaved client checks every reply of its own. The node must answer the good client without a single error,
/// answer PING afterwards, and hold no more memory than before. The seed is printed; <c>SPINEL_FUZZ_SEED</c> replays
/// one and <c>SPINEL_FUZZ_SECONDS</c> runs longer than the CI's few seconds.
/// </summary>
[Collection(RobustnessCollection.Name)]
[Trait("Category", "Integration")]
public sealed class RandomInputSoakTests(RobustnessCollection.DefaultNode fixture, ITestOutputHelper output)
{
    private static readonly string[][] Valid =
    [
        ["SET", "fuzz:a", "1"], ["GET", "fuzz:a"], ["MGET", "fuzz:a", "fuzz:b"], ["INCR", "fuzz:n"], ["PING"], ["ECHO", "x"],
        ["HSET", "fuzz:h", "f", "v"], ["LPUSH", "fuzz:l", "a", "b"], ["MULTI"], ["EXEC"], ["SUBSCRIBE", "fuzz:c"], ["CLIENT", "SETNAME", "f"],
        ["EVAL", "return 1", "0"], ["DEL", "fuzz:a"], ["KEYS", "fuzz:*"], ["HELLO", "3"], ["AUTH", "nobody", "nothing"], ["SCAN", "0"],
    ];

    [Fact]
    public async Task RandomInputFromManyClients_NeverDisturbsAWellBehavedClient_NorGrowsMemory()
    {
        var seed = int.TryParse(Environment.GetEnvironmentVariable("SPINEL_FUZZ_SEED"), out var fixedSeed) ? fixedSeed : Environment.TickCount;
        var seconds = double.TryParse(Environment.GetEnvironmentVariable("SPINEL_FUZZ_SECONDS"), CultureInfo.InvariantCulture, out var s) ? s : 6;
        output.WriteLine($"seed {seed}, {seconds} s");
        var node = fixture.Node;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var heapBefore = GC.GetTotalMemory(forceFullCollection: true);

        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(seconds));
        var good = Task.Run(() => WellBehavedAsync(node, stop.Token));
        var fuzzers = Enumerable.Range(0, 8).Select(i => Task.Run(() => FuzzAsync(node, seed + i, stop.Token))).ToList();
        var sent = await Task.WhenAll(fuzzers);
        var checkedReplies = await good;
        output.WriteLine($"{sent.Sum()} fuzz connections, {checkedReplies} checked replies to the good client");

        await using (var after = await node.ConnectRawAsync())
        {
            Assert.Equal("+PONG", await after.CommandAsync("PING"));
        }
        Assert.True(checkedReplies > 0);
        // Sessions closed by the fuzzers must have let go of their buffers.
        await Poll.UntilAsync(() =>
        {
            GC.Collect();
            GC.WaitForPendingFinalizers();
            return Task.FromResult(GC.GetTotalMemory(forceFullCollection: true) < heapBefore + (64L << 20));
        }, $"the heap to come back near {heapBefore >> 20} MB", TimeSpan.FromSeconds(20));
    }

    /// <summary>SET/GET pairs with values of its own, every reply checked; returns how many it checked.</summary>
    private static async Task<int> WellBehavedAsync(SpinelTestNode node, CancellationToken stop)
    {
        await using var client = await node.ConnectRawAsync();
        var count = 0;
        var key = "fuzz:good:" + Guid.NewGuid().ToString("N")[..8];
        while (!stop.IsCancellationRequested)
        {
            var value = count.ToString(CultureInfo.InvariantCulture);
            Assert.Equal("+OK", await client.CommandAsync("SET", key, value));
            Assert.Equal(value, await client.CommandAsync("GET", key));
            count += 2;
        }
        return count;
    }

    /// <summary>Opens connection after connection, each sending one random input; returns how many it opened.</summary>
    private static async Task<int> FuzzAsync(SpinelTestNode node, int seed, CancellationToken stop)
    {
        var random = new Random(seed);
        var connections = 0;
        while (!stop.IsCancellationRequested)
        {
            connections++;
            using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            await socket.ConnectAsync("127.0.0.1", node.Port);
            var input = Input(random);
            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(5));
            try
            {
                for (var offset = 0; offset < input.Length;)
                {
                    var chunk = Math.Min(input.Length - offset, random.Next(1, 4096));
                    await socket.SendAsync(input.AsMemory(offset, chunk), SocketFlags.None, patience.Token);
                    offset += chunk;
                }
                // Read what comes back for a moment, then go: a half frame may rightly wait for more.
                var buffer = new byte[16384];
                using var quiet = new CancellationTokenSource(TimeSpan.FromMilliseconds(random.Next(1, 100)));
                while (await socket.ReceiveAsync(buffer, SocketFlags.None, quiet.Token) > 0)
                {
                }
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
                // The node closing a connection it refused, or our own patience running out: both expected.
            }
        }
        return connections;
    }

    private static byte[] Input(Random random)
    {
        var text = new StringBuilder();
        var frames = random.Next(1, 6);
        for (var i = 0; i < frames; i++)
        {
            text.Append(random.Next(9) switch
            {
                0 => $"*{random.Next(-3, 3)}\r\n",
                1 => $"*2\r\n${random.Next(-2, 10)}\r\nGET\r\n$1\r\nk\r\n",
                2 => $"*1\r\n${(long)random.Next() * 1000}\r\n" + new string('x', random.Next(0, 2000)),
                3 => string.Concat(Enumerable.Repeat("*1\r\n", random.Next(1, 5000))),
                4 => string.Join(' ', Enumerable.Range(0, random.Next(1, 50)).Select(_ => random.Next(3) == 0 ? "\"" : "word")) + "\r\n",
                5 => "*" + new string('9', random.Next(1, 30)) + "\r\n",
                _ => Encode(Valid[random.Next(Valid.Length)]),
            });
        }
        var bytes = Encoding.Latin1.GetBytes(text.ToString());
        // Then damage it: flipped bytes, a cut, or binary noise on the end.
        switch (random.Next(4))
        {
            case 0:
                for (var n = random.Next(1, 8); n > 0 && bytes.Length > 0; n--)
                {
                    bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
                }
                break;
            case 1:
                bytes = bytes[..random.Next(bytes.Length + 1)];
                break;
            case 2:
                var noise = new byte[random.Next(1, 70000)];
                random.NextBytes(noise);
                bytes = [.. bytes, .. noise];
                break;
        }
        return bytes;
    }

    private static string Encode(string[] args) =>
        $"*{args.Length}\r\n" + string.Concat(args.Select(a => $"${Encoding.UTF8.GetByteCount(a)}\r\n{a}\r\n"));
}
