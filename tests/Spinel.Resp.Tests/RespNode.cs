using System.Globalization;
using System.Text;

namespace Spinel.Resp.Tests;

/// <summary>
/// A reply parsed into a tree that keeps every type byte (so <c>+x</c> and <c>$1 x</c>, or a set and an array, differ);
/// used to compare replies whose only allowed difference is the order of some elements.
/// </summary>
public sealed record RespNode(char Type, string Text, List<RespNode> Children)
{
    public static RespNode Parse(ReadOnlySpan<byte> reply)
    {
        var pos = 0;
        var node = ParseAt(reply, ref pos);
        return pos == reply.Length ? node : throw new FormatException("trailing bytes after the reply");
    }

    public override string ToString()
    {
        var sb = new StringBuilder();
        Append(sb);
        return sb.ToString();
    }

    private void Append(StringBuilder sb)
    {
        sb.Append(Type).Append(Text);
        if (Children.Count > 0)
        {
            sb.Append('[');
            for (var i = 0; i < Children.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }
                Children[i].Append(sb);
            }
            sb.Append(']');
        }
    }

    private static RespNode ParseAt(ReadOnlySpan<byte> data, ref int pos)
    {
        var type = (char)data[pos];
        var end = data[pos..].IndexOf("\r\n"u8) + pos;
        var header = Encoding.UTF8.GetString(data[(pos + 1)..end]);
        pos = end + 2;
        var children = new List<RespNode>();
        switch (type)
        {
            case '$' or '=' or '!':
                var length = int.Parse(header, CultureInfo.InvariantCulture);
                if (length < 0)
                {
                    return new RespNode(type, header, children);
                }
                var body = Encoding.UTF8.GetString(data.Slice(pos, length));
                pos += length + 2;
                return new RespNode(type, body, children);
            case '*' or '~' or '%' or '>':
                var count = int.Parse(header, CultureInfo.InvariantCulture);
                for (var i = 0; i < (type == '%' ? count * 2 : count); i++)
                {
                    children.Add(ParseAt(data, ref pos));
                }
                return new RespNode(type, header, children);
            default:
                return new RespNode(type, header, children);
        }
    }
}
