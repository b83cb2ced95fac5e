using System.Buffers;
using System.Net.Sockets;
using Spinel.IntegrationTests.Infrastructure;
using Spinel.Resp.Framing;

namespace Spinel.IntegrationTests.Robustness;

/// <summary>
/// Sends a whole pipeline over a raw socket (in one write or in random-size chunks) while reading the replies on
/// the same socket, so neither side waits on the other; reads frames incrementally (no quadratic re-scans).
/// </summary>
public static class PipelineRun
{
    /// <summary>Commands and their expected replies, from a fresh <see cref="PipelineModel"/>.</summary>
    public static (byte[] Bytes, List<string> Expected) Build(string prefix, int seed, int count)
    {
        var model = new PipelineModel(prefix, new Random(seed));
        var bytes = new ArrayBufferWriter<byte>();
        var expected = new List<string>(count);
        for (var i = 0; i < count; i++)
        {
            var (command, reply) = model.Next();
            RespWriter.WriteCommand(bytes, command);
            expected.Add(reply);
        }
        return (bytes.WrittenSpan.ToArray(), expected);
    }

    /// <summary>Sends <paramref name="bytes"/> (in chunks when <paramref name="chunkSeed"/> is given) and returns <paramref name="replies"/> rendered replies.</summary>
    public static async Task<List<string>> RunAsync(Socket socket, byte[] bytes, int replies, int? chunkSeed = null, TimeSpan? timeout = null)
    {
        using var cts = new CancellationTokenSource(timeout ?? TimeSpan.FromSeconds(60));
        var reading = ReadRepliesAsync(socket, replies, cts.Token);
        await SendAsync(socket, bytes, chunkSeed, cts.Token);
        return await reading;
    }

    public static async Task SendAsync(Socket socket, byte[] bytes, int? chunkSeed, CancellationToken cancellationToken)
    {
        if (chunkSeed is not { } seed)
        {
            await socket.SendAsync(bytes, SocketFlags.None, cancellationToken);
            return;
        }
        var random = new Random(seed);
        for (var offset = 0; offset < bytes.Length;)
        {
            var length = Math.Min(bytes.Length - offset, random.Next(3) == 0 ? random.Next(1, 8) : random.Next(1, 9000));
            offset += await socket.SendAsync(bytes.AsMemory(offset, length), SocketFlags.None, cancellationToken);
            if (random.Next(8) == 0)
            {
                await Task.Yield();
            }
        }
    }

    /// <summary>Reads exactly <paramref name="count"/> reply frames; fails when the server closes first or time runs out.</summary>
    public static async Task<List<string>> ReadRepliesAsync(Socket socket, int count, CancellationToken cancellationToken)
    {
        var replies = new List<string>(count);
        var buffer = new byte[256 * 1024];
        int start = 0, scanned = 0, end = 0;
        var scanner = default(RespFrameScanner);
        while (replies.Count < count)
        {
            if (end == buffer.Length)
            {
                if (start > 0)
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    (scanned, end, start) = (scanned - start, end - start, 0);
                }
                else
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
                }
            }
            int read;
            try
            {
                read = await socket.ReceiveAsync(buffer.AsMemory(end), SocketFlags.None, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                throw new TimeoutException($"Only {replies.Count} of {count} replies arrived in time.");
            }
            if (read == 0)
            {
                throw new EndOfStreamException($"The server closed the connection after {replies.Count} of {count} replies.");
            }
            end += read;
            while (scanned < end && replies.Count < count)
            {
                var status = scanner.Scan(buffer.AsSpan(scanned, end - scanned), out var used);
                scanned += used;
                Assert.NotEqual(OperationStatus.InvalidData, status);
                if (status == OperationStatus.NeedMoreData)
                {
                    break;
                }
                replies.Add(RawRespClient.Render(buffer[start..scanned]));
                start = scanned;
            }
        }
        Assert.Equal(start, end);
        return replies;
    }

    /// <summary>Asserts the replies equal the expectations one by one, naming the first that differs.</summary>
    public static void AssertReplies(IReadOnlyList<string> expected, IReadOnlyList<string> actual, string? who = null)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            if (expected[i] != actual[i])
            {
                Assert.Fail($"{who}reply {i} differs: expected <{Shorten(expected[i])}>, got <{Shorten(actual[i])}>");
            }
        }
    }

    private static string Shorten(string text) => text.Length > 200 ? text[..200] + "..." : text;
}
