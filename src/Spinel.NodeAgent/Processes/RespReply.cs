using System.Buffers.Text;
using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.NodeAgent.Processes;

/// <summary>A decoded RESP2 reply from a shard; only what the node agent's few commands need.</summary>
internal sealed record RespReply(RespReplyKind Kind, string? Text = null, long Integer = 0, IReadOnlyList<RespReply>? Items = null)
{
    public bool IsError => Kind == RespReplyKind.Error;

    public override string ToString() => Kind switch
    {
        RespReplyKind.Integer => Integer.ToString(System.Globalization.CultureInfo.InvariantCulture),
        RespReplyKind.Null => "(nil)",
        RespReplyKind.Array => "[" + string.Join(", ", Items ?? []) + "]",
        _ => Text ?? "",
    };

    /// <summary>Decodes one complete frame, as delimited by <see cref="RespFrameScanner"/>.</summary>
    public static RespReply Parse(ReadOnlySpan<byte> frame)
    {
        var position = 0;
        return Parse(frame, ref position);
    }

    private static RespReply Parse(ReadOnlySpan<byte> frame, ref int position)
    {
        var type = frame[position];
        var line = ReadLine(frame, ref position);
        switch (type)
        {
            case (byte)'+':
                return new RespReply(RespReplyKind.SimpleString, Encoding.UTF8.GetString(line));
            case (byte)'-':
                return new RespReply(RespReplyKind.Error, Encoding.UTF8.GetString(line));
            case (byte)':':
                return new RespReply(RespReplyKind.Integer, Integer: ParseNumber(line));
            case (byte)'$':
                {
                    var length = ParseNumber(line);
                    if (length < 0)
                    {
                        return new RespReply(RespReplyKind.Null);
                    }
                    var text = Encoding.UTF8.GetString(frame.Slice(position, (int)length));
                    position += (int)length + 2;
                    return new RespReply(RespReplyKind.BulkString, text);
                }
            case (byte)'*':
                {
                    var count = ParseNumber(line);
                    if (count < 0)
                    {
                        return new RespReply(RespReplyKind.Null);
                    }
                    var items = new RespReply[count];
                    for (var i = 0; i < count; i++)
                    {
                        items[i] = Parse(frame, ref position);
                    }
                    return new RespReply(RespReplyKind.Array, Items: items);
                }
            default:
                throw new RespProtocolException($"unexpected reply type '{(char)type}' from redis-server");
        }
    }

    // Returns the bytes after the type byte up to CR LF and moves past the LF.
    private static ReadOnlySpan<byte> ReadLine(ReadOnlySpan<byte> frame, ref int position)
    {
        var rest = frame[(position + 1)..];
        var end = rest.IndexOf("\r\n"u8);
        if (end < 0)
        {
            throw new RespProtocolException("reply line without CRLF");
        }
        position += 1 + end + 2;
        return rest[..end];
    }

    private static long ParseNumber(ReadOnlySpan<byte> digits) =>
        Utf8Parser.TryParse(digits, out long value, out var used) && used == digits.Length
            ? value
            : throw new RespProtocolException("bad number in reply");
}
