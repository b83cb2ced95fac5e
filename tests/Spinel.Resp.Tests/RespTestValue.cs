using System.Globalization;
using System.Text;

namespace Spinel.Resp.Tests;

/// <summary>
/// Parses one RESP2/RESP3 reply for assertions: simple and bulk strings become string, integers long, nulls null,
/// errors <see cref="RespTestError"/>, and arrays, sets and maps (flattened) a <see cref="RespTestArray"/> that keeps its type byte.
/// </summary>
public static class RespTestValue
{
    public static object? Parse(ReadOnlySpan<byte> reply)
    {
        var pos = 0;
        var value = ParseAt(reply, ref pos);
        if (pos != reply.Length)
        {
            throw new FormatException("trailing bytes after the reply");
        }
        return value;
    }

    /// <summary>Parses a reply that must be an array of bulk strings.</summary>
    public static List<string> ParseStrings(ReadOnlySpan<byte> reply) =>
        Parse(reply) is RespTestArray array
            ? array.Items.Select(i => i as string ?? throw new FormatException("not a string: " + i)).ToList()
            : throw new FormatException("not an array: " + Encoding.UTF8.GetString(reply));

    private static object? ParseAt(ReadOnlySpan<byte> data, ref int pos)
    {
        var type = (char)data[pos];
        var end = data[pos..].IndexOf("\r\n"u8) + pos;
        var text = Encoding.UTF8.GetString(data[(pos + 1)..end]);
        pos = end + 2;
        switch (type)
        {
            case '+':
                return text;
            case '-':
                return new RespTestError(text);
            case ':':
                return long.Parse(text, CultureInfo.InvariantCulture);
            case '_':
                return null;
            case '$' or '=':
                var length = int.Parse(text, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return null;
                }
                var body = Encoding.UTF8.GetString(data.Slice(pos, length));
                pos += length + 2;
                return body;
            case '*' or '~' or '%':
                var count = int.Parse(text, CultureInfo.InvariantCulture);
                if (count < 0)
                {
                    return null;
                }
                var items = new List<object?>();
                for (var i = 0; i < (type == '%' ? count * 2 : count); i++)
                {
                    items.Add(ParseAt(data, ref pos));
                }
                return new RespTestArray(type, items);
            default:
                throw new FormatException("unsupported RESP type " + type);
        }
    }
}
