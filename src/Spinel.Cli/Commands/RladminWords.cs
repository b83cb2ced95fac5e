using System.Globalization;
using Spinel.Cli.Hosting;

namespace Spinel.Cli.Commands;

/// <summary>Reads rladmin's words: shards as <c>1</c> or <c>redis:1</c>, nodes as <c>2</c> or <c>node:2</c>, switches as enabled|disabled.</summary>
internal static class RladminWords
{
    /// <summary>The uid of a shard word; false when the word is no shard (a keyword that follows the list).</summary>
    public static bool TryParseShard(string word, out string uid)
    {
        var digits = word.StartsWith("redis:", StringComparison.OrdinalIgnoreCase) ? word["redis:".Length..] : word;
        uid = IsUid(digits) ? digits : "";
        return uid.Length > 0;
    }

    /// <exception cref="UsageException">The word is no node uid.</exception>
    public static int ParseNode(string word)
    {
        var digits = word.StartsWith("node:", StringComparison.OrdinalIgnoreCase) ? word["node:".Length..] : word;
        return IsUid(digits) && int.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var uid)
            ? uid
            : throw new UsageException($"'{word}' is not a node (give its uid, e.g. 2 or node:2)");
    }

    /// <exception cref="UsageException">The value is neither enabled nor disabled (nor true/false, yes/no, on/off).</exception>
    public static bool ParseSwitch(string setting, string value) => value.ToLowerInvariant() switch
    {
        "enabled" or "true" or "yes" or "on" => true,
        "disabled" or "false" or "no" or "off" => false,
        _ => throw new UsageException($"{setting} must be enabled or disabled, not '{value}'"),
    };

    /// <summary>The shard uids that start at <paramref name="index"/>, which moves past them.</summary>
    /// <exception cref="UsageException">No shard follows.</exception>
    public static List<string> ReadShards(string[] words, ref int index)
    {
        var shards = new List<string>();
        while (index < words.Length && TryParseShard(words[index], out var uid))
        {
            if (!shards.Contains(uid))
            {
                shards.Add(uid);
            }
            index++;
        }
        return shards.Count > 0 ? shards : throw new UsageException("'shard' needs at least one shard id, e.g. shard 1 2 or shard redis:1");
    }

    /// <summary>The word after a keyword.</summary>
    /// <exception cref="UsageException">The keyword ends the line.</exception>
    public static string ValueOf(string[] words, int keywordIndex) =>
        keywordIndex + 1 < words.Length ? words[keywordIndex + 1] : throw new UsageException($"'{words[keywordIndex]}' needs a value");

    public static string Label(IEnumerable<string> shardUids) => string.Join(' ', shardUids.Select(u => "redis:" + u));

    private static bool IsUid(string text) => text.Length is > 0 and < 10 && text.All(char.IsAsciiDigit) && text.TrimStart('0').Length > 0;
}
