using System.Text;

namespace Spinel.IntegrationTests.Infrastructure;

/// <summary>A reply parsed into a tree, for tests that look inside arrays and maps (map pairs are flattened).</summary>
public sealed class RespTree
{
    private RespTree(char type, string text, IReadOnlyList<RespTree> children)
    {
        Type = type;
        Text = text;
        Children = children;
    }

    /// <summary>The RESP type character (<c>+ - : $ * % ~ &gt; _</c> ...).</summary>
    public char Type { get; }

    /// <summary>The string, error text or integer of a scalar; empty for aggregates.</summary>
    public string Text { get; }

    public IReadOnlyList<RespTree> Children { get; }

    public bool IsNull => Type == '_' || (Type is '$' or '*' && Text == "-1");

    /// <summary>Map or RESP2 pair-array entries as a dictionary of key text to value.</summary>
    public Dictionary<string, RespTree> AsMap()
    {
        var map = new Dictionary<string, RespTree>(StringComparer.Ordinal);
        for (var i = 0; i + 1 < Children.Count; i += 2)
        {
            map[Children[i].Text] = Children[i + 1];
        }
        return map;
    }

    public static RespTree Parse(byte[] frame)
    {
        var pos = 0;
        return ParseAt(frame, ref pos);
    }

    private static RespTree ParseAt(byte[] data, ref int pos)
    {
        var type = (char)data[pos];
        var lineEnd = Array.IndexOf(data, (byte)'\r', pos);
        var line = Encoding.UTF8.GetString(data, pos + 1, lineEnd - pos - 1);
        pos = lineEnd + 2;
        switch (type)
        {
            case '$' or '=' or '!':
                {
                    var length = int.Parse(line);
                    if (length < 0)
                    {
                        return new RespTree(type, "-1", []);
                    }
                    var text = Encoding.UTF8.GetString(data, pos, length);
                    pos += length + 2;
                    return new RespTree(type, text, []);
                }
            case '*' or '~' or '>' or '%':
                {
                    var count = int.Parse(line);
                    if (count < 0)
                    {
                        return new RespTree(type, "-1", []);
                    }
                    var children = new List<RespTree>();
                    for (var i = 0; i < (type == '%' ? count * 2 : count); i++)
                    {
                        children.Add(ParseAt(data, ref pos));
                    }
                    return new RespTree(type, string.Empty, children);
                }
            default:
                return new RespTree(type, line, []);
        }
    }
}
