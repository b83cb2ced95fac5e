using System.Buffers.Text;
using System.Text;

namespace Spinel.Proxy.Replies;

/// <summary>
/// A parsed reply, for the few places where the proxy merges replies of several shards (never on the forwarding
/// path). Keeps the raw bytes of each node so merged replies re-use them unchanged.
/// </summary>
internal sealed class RespNode
{
    private RespNode(byte type, ReadOnlyMemory<byte> raw, ReadOnlyMemory<byte> payload, long integer, IReadOnlyList<RespNode> children)
    {
        Type = type;
        Raw = raw;
        Payload = payload;
        Integer = integer;
        Children = children;
    }

    /// <summary>The RESP type byte: '+', '-', ':', '$', '*', '%', '~', '_' ...</summary>
    public byte Type { get; }

    /// <summary>The node's complete bytes, header included.</summary>
    public ReadOnlyMemory<byte> Raw { get; }

    /// <summary>String content of simple strings, errors and bulk strings.</summary>
    public ReadOnlyMemory<byte> Payload { get; }

    public long Integer { get; }

    public IReadOnlyList<RespNode> Children { get; }

    public bool IsError => Type is (byte)'-' or (byte)'!';

    public bool IsNull => Type == '_' || (Type is (byte)'$' or (byte)'*' && Integer == -1);

    public string Text => Encoding.UTF8.GetString(Payload.Span);

    /// <summary>Parses one complete frame (the caller scanned it already).</summary>
    public static RespNode Parse(ReadOnlyMemory<byte> frame)
    {
        var pos = 0;
        return ParseAt(frame, ref pos);
    }

    private static RespNode ParseAt(ReadOnlyMemory<byte> data, ref int pos)
    {
        var start = pos;
        var span = data.Span;
        var type = span[pos];
        var lineEnd = span[pos..].IndexOf((byte)'\r') + pos;
        var line = data[(pos + 1)..lineEnd];
        pos = lineEnd + 2;
        switch (type)
        {
            case (byte)'$' or (byte)'!' or (byte)'=':
                {
                    var length = ParseLong(line.Span);
                    if (length < 0)
                    {
                        return new RespNode(type, data[start..pos], default, -1, []);
                    }
                    var payload = data.Slice(pos, (int)length);
                    pos += (int)length + 2;
                    return new RespNode(type, data[start..pos], payload, length, []);
                }
            case (byte)'*' or (byte)'~' or (byte)'>' or (byte)'%' or (byte)'|':
                {
                    var count = ParseLong(line.Span);
                    if (count < 0)
                    {
                        return new RespNode(type, data[start..pos], default, -1, []);
                    }
                    var elements = type is (byte)'%' or (byte)'|' ? count * 2 : count;
                    var children = new RespNode[elements];
                    for (var i = 0; i < elements; i++)
                    {
                        children[i] = ParseAt(data, ref pos);
                    }
                    if (type == '|')
                    {
                        // An attribute annotates the value that follows; keep that value.
                        return ParseAt(data, ref pos);
                    }
                    return new RespNode(type, data[start..pos], default, count, children);
                }
            case (byte)':':
                return new RespNode(type, data[start..pos], line, ParseLong(line.Span), []);
            default:
                return new RespNode(type, data[start..pos], line, 0, []);
        }
    }

    private static long ParseLong(ReadOnlySpan<byte> text) =>
        Utf8Parser.TryParse(text, out long value, out _) ? value : 0;
}
