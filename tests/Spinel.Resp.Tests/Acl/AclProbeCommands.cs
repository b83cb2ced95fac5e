namespace Spinel.Resp.Tests.Acl;

/// <summary>
/// Representative requests the differential test runs as the restricted user: reads, writes, multi-key commands with
/// keys inside and outside typical patterns, container subcommands, scripts, streams and pub/sub. None blocks for long
/// or harms the private server.
/// </summary>
internal static class AclProbeCommands
{
    /// <summary>A probe: its arguments and, for (P|S)SUBSCRIBE, how many replies it sends when allowed.</summary>
    public sealed record Probe(string[] Args, int SubscribeReplies = 0)
    {
        public override string ToString() => string.Join(' ', Args);
    }

    public static IReadOnlyList<Probe> All { get; } = Build();

    private static List<Probe> Build()
    {
        string[] lines =
        [
            "GET app:1", "GET ro:1", "GET wo:1", "get x", "GET ka", "GET kc",
            "SET app:1 v", "SET wo:1 v", "SET ro:1 v", "SET ro:1 v GET", "SET wo:1 v GET", "set KB v",
            "SETNX app:2 v", "GETDEL wo:1", "GETEX app:1 PERSIST", "GETRANGE ro:1 0 1", "SETRANGE wo:1 0 x",
            "APPEND app:1 x", "STRLEN ro:1", "INCR ka", "DECRBY kb 2",
            "MGET app:1 ro:1", "MGET app:1 other:1", "MSET app:1 1 wo:1 2", "MSET app:1 1 ro:1 2", "MSETNX wo:1 1 wo:2 2",
            "DEL app:1 ro:1", "DEL wo:1", "UNLINK app:2", "EXISTS wo:1", "EXISTS ro:1 app:1", "TYPE wo:1", "TOUCH ro:1",
            "EXPIRE app:1 100", "TTL ro:1", "PERSIST wo:1", "DUMP ro:1", "RENAME app:9 wo:9", "COPY ro:1 wo:1", "COPY ro:1 app:3 REPLACE",
            "LPUSH app:l a b", "RPUSH wo:l a", "LRANGE ro:l 0 -1", "LPOS ro:l a", "LMOVE ro:l wo:l LEFT RIGHT", "RPOPLPUSH app:l app:l",
            "LPOP wo:l", "LMPOP 2 app:l ro:l LEFT", "BLPOP app:l 0.01", "BLMOVE app:l wo:l LEFT RIGHT 0.01",
            "HSET app:h f v", "HGET ro:h f", "HGETALL wo:h", "HINCRBY app:h n 1",
            "SADD app:s m", "SMEMBERS ro:s", "SINTERCARD 2 ro:s app:s", "SINTERSTORE wo:s ro:s app:s", "SMOVE ro:s wo:s m",
            "ZADD app:z 1 m", "ZRANGE ro:z 0 -1", "ZUNIONSTORE wo:z 2 ro:z app:z", "ZRANGESTORE wo:z ro:z 0 -1", "ZUNION 2 ro:z app:z",
            "PFADD app:p a", "PFCOUNT ro:p app:p", "PFMERGE wo:p ro:p",
            "GEOADD app:g 13.36 38.11 m", "GEORADIUS ro:g 15 37 200 km STORE wo:g", "GEORADIUS_RO ro:g 15 37 200 km",
            "GEOSEARCHSTORE wo:g ro:g FROMMEMBER m BYRADIUS 10 km",
            "SETBIT app:b 1 1", "GETBIT ro:b 1", "BITCOUNT ro:b", "BITOP AND wo:b ro:b app:b",
            "BITFIELD ro:b GET u8 0", "BITFIELD app:b SET u8 0 1", "BITFIELD_RO ro:b GET u8 0", "LCS ro:1 app:1",
            "XADD app:st * f v", "XLEN ro:st", "XREAD COUNT 1 STREAMS ro:st app:st 0 0", "XGROUP CREATE app:st g $ MKSTREAM",
            "XREADGROUP GROUP g c COUNT 1 STREAMS app:st >", "XREADGROUP GROUP g c COUNT 1 STREAMS ro:st >", "XACK app:st g 0-1",
            "XINFO STREAM ro:st", "XAUTOCLAIM app:st g c 0 0",
            "SORT ro:l", "SORT ro:l STORE wo:l", "SORT ro:l ALPHA STORE app:l", "SORT_RO ro:l ALPHA",
            "OBJECT ENCODING app:1", "OBJECT FREQ ro:1", "object help", "MEMORY USAGE wo:1",
            "MIGRATE 127.0.0.1 1 app:1 0 10", "MIGRATE 127.0.0.1 1 \"\" 0 10 KEYS app:1 ro:1",
            "WATCH app:1 ro:1", "UNWATCH",
            "CONFIG GET maxmemory", "Config Get maxmemory", "CONFIG SET maxmemory-samples 5", "CONFIG HELP",
            "CLIENT LIST", "CLIENT ID", "CLIENT SETNAME probe", "CLIENT GETNAME", "CLIENT NO-EVICT off",
            "INFO server", "DBSIZE", "KEYS app:*", "SCAN 0", "RANDOMKEY", "PING", "ECHO hi", "SELECT 0", "SELECT 1", "SELECT 0",
            "TIME", "LASTSAVE", "ROLE", "COMMAND COUNT", "COMMAND INFO get", "COMMAND GETKEYS SET app:1 v",
            "ACL WHOAMI", "ACL CAT", "ACL LIST", "CLUSTER INFO", "LATENCY LATEST", "SLOWLOG LEN",
            "SCRIPT EXISTS abc", "FUNCTION LIST", "FCALL nosuch 1 app:1", "FCALL_RO nosuch 1 ro:1", "EVALSHA abc 1 wo:1",
            "PUBLISH chan:1 m", "PUBLISH other m", "SPUBLISH chan:1 m", "PUBSUB CHANNELS", "PUBSUB NUMSUB chan:1", "UNSUBSCRIBE chan:1",
            "SWAPDB 0 1", "SWAPDB 0 1", "FLUSHDB", "AUTH u x",
            // Refused before the ACL check (arity, unknown subcommand) or with keys the strict key walk voids.
            "GET app:1 ro:1", "MGET", "CONFIG NOSUCH", "CONFIG", "ZUNIONSTORE other:z 0 ro:z", "XREAD STREAMS other:1",
        ];
        var probes = lines.Select(l => new Probe(Tests.Commands.CommandLine.Split(l))).ToList();
        probes.Add(new Probe(["EVAL", "return 1", "2", "app:1", "ro:1"]));
        probes.Add(new Probe(["EVAL", "return 1", "1", "wo:1"]));
        probes.Add(new Probe(["EVAL", "return 1", "0"]));
        probes.Add(new Probe(["EVAL", "return 1", "5", "other:1"]));
        probes.Add(new Probe(["EVAL_RO", "return 1", "1", "ro:1"]));
        probes.Add(new Probe(["SUBSCRIBE", "chan:1"], 1));
        probes.Add(new Probe(["SUBSCRIBE", "chan:1", "other"], 2));
        probes.Add(new Probe(["SSUBSCRIBE", "chan:2"], 1));
        probes.Add(new Probe(["PSUBSCRIBE", "chan:*"], 1));
        probes.Add(new Probe(["PSUBSCRIBE", "chan:1", "*"], 2));
        return probes;
    }
}
