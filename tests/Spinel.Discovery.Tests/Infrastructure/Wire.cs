using System.Text;

namespace Spinel.Discovery.Tests.Infrastructure;

/// <summary>Expected replies written the long way, so that a test states the exact bytes it wants.</summary>
internal static class Wire
{
    public static string Bulk(string value) => $"${Encoding.UTF8.GetByteCount(value)}\r\n{value}\r\n";

    public static string Array(params string[] bulks) => $"*{bulks.Length}\r\n" + string.Concat(bulks.Select(Bulk));

    public static string Push(params string[] bulks) => $">{bulks.Length}\r\n" + string.Concat(bulks.Select(Bulk));

    public static string Error(string message) => $"-{message}\r\n";

    /// <summary>The elements of a flat array (or map) of bulk strings and integers, in order (a nested array shows as its length).</summary>
    public static List<string> Bulks(string frame)
    {
        var lines = frame.Split("\r\n");
        Assert.True(lines[0][0] is '*' or '%', $"not an array or map: {frame}");
        var values = new List<string>();
        for (var i = 1; i < lines.Length && lines[i].Length > 0;)
        {
            switch (lines[i][0])
            {
                case '$':
                    values.Add(lines[i + 1]);
                    i += 2;
                    break;
                case ':' or '*':
                    values.Add(lines[i][1..]);
                    i++;
                    break;
                default:
                    return values;
            }
        }
        return values;
    }

    /// <summary>The field/value pairs of a flat array or map of bulk strings.</summary>
    public static Dictionary<string, string> Fields(string frame)
    {
        var values = Bulks(frame);
        return Enumerable.Range(0, values.Count / 2).ToDictionary(i => values[2 * i], i => values[(2 * i) + 1]);
    }

    /// <summary>The field/value pairs of each element of an array of flat arrays or maps (SENTINEL MASTERS, SENTINELS).</summary>
    public static List<Dictionary<string, string>> Entries(string frame)
    {
        var lines = frame.Split("\r\n");
        Assert.StartsWith("*", lines[0]);
        var entries = new List<Dictionary<string, string>>();
        var i = 1;
        for (var e = 0; e < int.Parse(lines[0][1..]); e++)
        {
            var count = int.Parse(lines[i][1..]) * (lines[i][0] == '%' ? 2 : 1);
            var start = i;
            i += 1 + (2 * count);
            entries.Add(Fields(string.Join("\r\n", lines[start..i]) + "\r\n"));
        }
        return entries;
    }

    /// <summary>The text of a bulk string reply (which may hold CRLFs, as INFO's does).</summary>
    public static string BulkText(string frame)
    {
        Assert.StartsWith("$", frame);
        var header = frame.IndexOf("\r\n", StringComparison.Ordinal);
        return frame.Substring(header + 2, int.Parse(frame[1..header]));
    }
}
