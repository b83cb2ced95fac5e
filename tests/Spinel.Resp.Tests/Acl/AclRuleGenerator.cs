using Spinel.Resp.Acl;
using Spinel.Resp.Commands;

namespace Spinel.Resp.Tests.Acl;

/// <summary>Seeded random ACL rule strings over categories, commands, subcommands, first-args, key and channel patterns.</summary>
internal sealed class AclRuleGenerator(int seed)
{
    private static readonly string[] Focus =
    [
        "get", "set", "mget", "mset", "del", "exists", "copy", "lmove", "sort", "sort_ro", "eval", "evalsha", "publish",
        "subscribe", "psubscribe", "ssubscribe", "spublish", "xreadgroup", "xadd", "zunionstore", "pfmerge", "bitfield",
        "config", "client", "object", "memory", "migrate", "select", "ping", "flushdb", "geoadd", "georadius", "hset",
    ];

    private static readonly string[] Subcommands =
    [
        "config|get", "config|set", "client|list", "client|id", "client|setname", "object|encoding", "object|freq",
        "memory|usage", "pubsub|channels", "pubsub|numsub", "xgroup|create", "xinfo|stream", "command|count", "acl|whoami",
    ];

    private static readonly string[] FirstArgs = ["select|0", "select|1", "echo|hi", "ping|x"];
    private static readonly string[] KeyGlobs = ["*", "app:*", "ro:*", "wo:*", "k?", "k[ab]", "x", "app:1", "*:1", "ro:[a-z]*", "*l"];
    private static readonly string[] KeyPrefixes = ["~", "~", "%R~", "%W~", "%RW~", "%WR~"];
    private static readonly string[] ChannelGlobs = ["chan:*", "chan:1", "*", "other", "chan:[0-9]", "chan:?"];
    private static readonly string[] Rare = ["+nosuch", "-@nosuch", "+config|nosuch", "+config|get|x", "%X~a", "bogus", "+select|", "-select|0"];

    private readonly Random _random = new(seed);
    private readonly CommandInfo[] _commands = [.. CommandTable.All];

    public string Next()
    {
        var count = _random.Next(1, 9);
        var tokens = new List<string>(count);
        var channelsReset = false;
        // Start many users from all commands, so the key and channel checks get their turn.
        if (_random.Next(100) < 45)
        {
            tokens.Add(Pick(["+@all", "allcommands", "+@read +@write", "+@pubsub +@read"]));
        }
        for (var i = 0; i < count; i++)
        {
            tokens.Add(NextToken(ref channelsReset));
        }
        return string.Join(' ', tokens);
    }

    private string NextToken(ref bool channelsReset)
    {
        var roll = _random.Next(100);
        return roll switch
        {
            < 22 => Sign() + "@" + Pick([.. AclCategoryList.Names, "all"]),
            < 36 => Sign() + Pick(Focus),
            < 42 => Sign() + _commands[_random.Next(_commands.Length)].Name,
            < 52 => Sign() + Pick(Subcommands),
            < 54 => "+" + Pick(FirstArgs),
            < 57 => Pick(["allcommands", "nocommands"]),
            < 78 => Pick(KeyPrefixes) + Pick(KeyGlobs),
            < 82 => Pick(["allkeys", "resetkeys"]),
            < 90 => Channel(ref channelsReset),
            < 99 => "+@" + Pick(["read", "write", "all", "keyspace", "string"]),
            _ => Pick(Rare),
        };
    }

    private string Channel(ref bool channelsReset)
    {
        if (!channelsReset || _random.Next(6) == 0)
        {
            channelsReset = _random.Next(4) != 0;
            return channelsReset ? "resetchannels" : "allchannels";
        }
        return "&" + Pick(ChannelGlobs);
    }

    private string Sign() => _random.Next(3) == 0 ? "-" : "+";

    private string Pick(string[] items) => items[_random.Next(items.Length)];
}
