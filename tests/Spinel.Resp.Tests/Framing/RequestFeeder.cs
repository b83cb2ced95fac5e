using System.Buffers;
using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Resp.Tests.Framing;

/// <summary>
/// Drives a <see cref="RespRequestScanner"/> the way a client session does: feeds it segments, cuts each completed
/// frame out of the stream, expands inline frames and skips empty ones.
/// </summary>
internal static class RequestFeeder
{
    /// <summary>The arguments of every command in <paramref name="stream"/>, fed whole.</summary>
    public static List<byte[][]> FeedWhole(byte[] stream) => Feed(stream, [stream.Length]);

    /// <summary>The arguments of every command, fed as segments that end at <paramref name="cuts"/> (ascending, last = length).</summary>
    public static List<byte[][]> Feed(byte[] stream, IReadOnlyList<int> cuts)
    {
        var request = new RespRequest();
        var scanner = new RespRequestScanner(request);
        var commands = new List<byte[][]>();
        var frameStart = 0;
        var segmentStart = 0;
        foreach (var segmentEnd in cuts)
        {
            var pos = segmentStart;
            while (pos < segmentEnd)
            {
                var status = scanner.Scan(stream.AsSpan(pos, segmentEnd - pos), out var consumed);
                if (status == OperationStatus.NeedMoreData)
                {
                    Assert.Equal(segmentEnd - pos, consumed);
                }
                pos += consumed;
                if (status != OperationStatus.Done)
                {
                    continue;
                }
                var frame = stream.AsMemory(frameStart, pos - frameStart);
                Assert.Equal(frame.Length, scanner.FrameLength);
                frameStart = pos;
                if (Load(scanner, request, frame))
                {
                    commands.Add(Args(request));
                }
            }
            segmentStart = segmentEnd;
        }
        Assert.Equal(stream.Length, frameStart);
        return commands;
    }

    /// <summary>Feeds one whole frame and returns its arguments as text; null when it held no command.</summary>
    public static string[]? ParseOne(string frame)
    {
        var bytes = Encoding.UTF8.GetBytes(frame);
        var request = new RespRequest();
        var scanner = new RespRequestScanner(request);
        Assert.Equal(OperationStatus.Done, scanner.Scan(bytes, out var consumed));
        Assert.Equal(bytes.Length, consumed);
        return Load(scanner, request, bytes) ? [.. Args(request).Select(a => Encoding.UTF8.GetString(a))] : null;
    }

    /// <summary>Feeds bytes until the scanner throws; returns the protocol error text.</summary>
    public static string ErrorOf(byte[] bytes)
    {
        var request = new RespRequest();
        var scanner = new RespRequestScanner(request);
        var ex = Assert.Throws<RespProtocolException>(() =>
        {
            var pos = 0;
            while (pos < bytes.Length)
            {
                var status = scanner.Scan(bytes.AsSpan(pos), out var consumed);
                pos += consumed;
                if (status == OperationStatus.Done)
                {
                    var frame = bytes.AsMemory(pos - scanner.FrameLength, scanner.FrameLength);
                    Load(scanner, request, frame);
                }
            }
        });
        return ex.Message;
    }

    public static string ErrorOf(string text) => ErrorOf(Encoding.UTF8.GetBytes(text));

    private static bool Load(RespRequestScanner scanner, RespRequest request, ReadOnlyMemory<byte> frame)
    {
        if (scanner.IsEmpty)
        {
            return false;
        }
        if (scanner.IsInline)
        {
            scanner.CompleteInline(frame.Span);
            return !scanner.IsEmpty;
        }
        request.Attach(frame);
        return true;
    }

    private static byte[][] Args(RespRequest request)
    {
        var args = new byte[request.ArgCount][];
        for (var i = 0; i < args.Length; i++)
        {
            args[i] = request[i].ToArray();
        }
        return args;
    }
}
