using System.Collections.Frozen;

namespace Spinel.Proxy.Commands;

/// <summary>The proxy's own rules per command (full names as redis gives them: <c>get</c>, <c>client|list</c>).</summary>
internal static class ProxyCommandTable
{
    private static readonly FrozenDictionary<string, ProxyCommand> Rules = new Dictionary<string, ProxyCommand>
    {
        ["ping"] = ProxyCommand.Ping,
        ["echo"] = ProxyCommand.Echo,
        ["hello"] = ProxyCommand.Hello,
        ["auth"] = ProxyCommand.Auth,
        ["select"] = ProxyCommand.Select,
        ["quit"] = ProxyCommand.Quit,
        ["reset"] = ProxyCommand.Reset,
        ["time"] = ProxyCommand.Time,
        ["command"] = ProxyCommand.Command,
        ["info"] = ProxyCommand.Info,
        ["client|id"] = ProxyCommand.ClientId,
        ["client|setname"] = ProxyCommand.ClientSetName,
        ["client|getname"] = ProxyCommand.ClientGetName,
        ["client|info"] = ProxyCommand.ClientInfo,
        ["client|list"] = ProxyCommand.ClientList,
        ["client|kill"] = ProxyCommand.ClientKill,
        ["client|reply"] = ProxyCommand.ClientReply,
        ["config|get"] = ProxyCommand.ConfigGet,
        ["config|set"] = ProxyCommand.ConfigSet,
        ["acl|whoami"] = ProxyCommand.AclWhoAmI,
        ["acl|users"] = ProxyCommand.AclUsers,
        ["acl|getuser"] = ProxyCommand.AclGetUser,
        ["acl|list"] = ProxyCommand.AclList,
        ["acl|cat"] = ProxyCommand.AclCat,
        ["acl|dryrun"] = ProxyCommand.NotAllowed,

        ["mget"] = ProxyCommand.MultiKeyGet,
        ["mset"] = ProxyCommand.MultiKeySet,
        ["del"] = ProxyCommand.MultiKeyCount,
        ["exists"] = ProxyCommand.MultiKeyCount,
        ["unlink"] = ProxyCommand.MultiKeyCount,
        ["touch"] = ProxyCommand.MultiKeyCount,

        ["dbsize"] = ProxyCommand.DbSize,
        ["keys"] = ProxyCommand.Keys,
        ["scan"] = ProxyCommand.Scan,
        ["flushdb"] = ProxyCommand.FlushAll,
        ["flushall"] = ProxyCommand.FlushAll,
        ["randomkey"] = ProxyCommand.RandomKey,
        ["script|load"] = ProxyCommand.AllShardsOk,
        ["script|flush"] = ProxyCommand.AllShardsOk,
        ["script|exists"] = ProxyCommand.ScriptExists,
        ["script|kill"] = ProxyCommand.Kill,
        ["function|load"] = ProxyCommand.AllShardsOk,
        ["function|delete"] = ProxyCommand.AllShardsOk,
        ["function|flush"] = ProxyCommand.AllShardsOk,
        ["function|restore"] = ProxyCommand.AllShardsOk,
        ["function|kill"] = ProxyCommand.Kill,
        ["slowlog|get"] = ProxyCommand.AllShardsConcat,
        ["slowlog|len"] = ProxyCommand.AllShardsSum,
        ["slowlog|reset"] = ProxyCommand.AllShardsOk,
        ["pubsub|channels"] = ProxyCommand.PubSubUnion,
        ["pubsub|shardchannels"] = ProxyCommand.PubSubUnion,
        ["pubsub|numsub"] = ProxyCommand.PubSubNumSub,
        ["pubsub|shardnumsub"] = ProxyCommand.PubSubNumSub,
        ["pubsub|numpat"] = ProxyCommand.PubSubNumPat,

        ["multi"] = ProxyCommand.Multi,
        ["exec"] = ProxyCommand.Exec,
        ["discard"] = ProxyCommand.Discard,
        ["watch"] = ProxyCommand.Watch,
        ["unwatch"] = ProxyCommand.Unwatch,

        ["subscribe"] = ProxyCommand.Subscribe,
        ["unsubscribe"] = ProxyCommand.Unsubscribe,
        ["psubscribe"] = ProxyCommand.PSubscribe,
        ["punsubscribe"] = ProxyCommand.PUnsubscribe,
        ["ssubscribe"] = ProxyCommand.SSubscribe,
        ["sunsubscribe"] = ProxyCommand.SUnsubscribe,
        ["publish"] = ProxyCommand.Publish,

        ["blpop"] = ProxyCommand.Blocking,
        ["brpop"] = ProxyCommand.Blocking,
        ["brpoplpush"] = ProxyCommand.Blocking,
        ["blmove"] = ProxyCommand.Blocking,
        ["blmpop"] = ProxyCommand.Blocking,
        ["bzpopmin"] = ProxyCommand.Blocking,
        ["bzpopmax"] = ProxyCommand.Blocking,
        ["bzmpop"] = ProxyCommand.Blocking,
        ["xread"] = ProxyCommand.StreamRead,
        ["xreadgroup"] = ProxyCommand.StreamRead,
        ["wait"] = ProxyCommand.Wait,

        // Answered only with the OSS Cluster API; refused otherwise, as Redis Enterprise does.
        ["cluster"] = ProxyCommand.Cluster,
        ["asking"] = ProxyCommand.ClusterMode,
        ["readonly"] = ProxyCommand.ClusterMode,
        ["readwrite"] = ProxyCommand.ClusterMode,

        // Refused as Redis Enterprise refuses them: they would expose or change shard internals.
        ["config"] = ProxyCommand.NotAllowed,
        ["config|resetstat"] = ProxyCommand.NotAllowed,
        ["config|rewrite"] = ProxyCommand.NotAllowed,
        ["debug"] = ProxyCommand.NotAllowed,
        ["shutdown"] = ProxyCommand.NotAllowed,
        ["replicaof"] = ProxyCommand.NotAllowed,
        ["slaveof"] = ProxyCommand.NotAllowed,
        ["sync"] = ProxyCommand.NotAllowed,
        ["psync"] = ProxyCommand.NotAllowed,
        ["replconf"] = ProxyCommand.NotAllowed,
        ["module"] = ProxyCommand.NotAllowed,
        ["save"] = ProxyCommand.NotAllowed,
        ["bgsave"] = ProxyCommand.NotAllowed,
        ["bgrewriteaof"] = ProxyCommand.NotAllowed,
        ["lastsave"] = ProxyCommand.NotAllowed,
        ["migrate"] = ProxyCommand.NotAllowed,
        ["move"] = ProxyCommand.NotAllowed,
        ["swapdb"] = ProxyCommand.NotAllowed,
        ["failover"] = ProxyCommand.NotAllowed,
        ["role"] = ProxyCommand.NotAllowed,
        ["latency"] = ProxyCommand.NotAllowed,
        ["monitor"] = ProxyCommand.NotAllowed,
        ["restore-asking"] = ProxyCommand.NotAllowed,
        ["pfdebug"] = ProxyCommand.NotAllowed,
        ["pfselftest"] = ProxyCommand.NotAllowed,
        ["memory|doctor"] = ProxyCommand.NotAllowed,
        ["memory|malloc-stats"] = ProxyCommand.NotAllowed,
        ["memory|purge"] = ProxyCommand.NotAllowed,
        ["memory|stats"] = ProxyCommand.NotAllowed,
        ["acl|setuser"] = ProxyCommand.NotAllowed,
        ["acl|deluser"] = ProxyCommand.NotAllowed,
        ["acl|genpass"] = ProxyCommand.NotAllowed,
        ["acl|load"] = ProxyCommand.NotAllowed,
        ["acl|save"] = ProxyCommand.NotAllowed,
        ["acl|log"] = ProxyCommand.NotAllowed,
        ["script|debug"] = ProxyCommand.NotAllowed,
        ["client"] = ProxyCommand.NotAllowed,
        ["client|pause"] = ProxyCommand.NotAllowed,
        ["client|unpause"] = ProxyCommand.NotAllowed,
        ["client|no-evict"] = ProxyCommand.NotAllowed,
        ["client|getredir"] = ProxyCommand.NotAllowed,
        ["client|tracking"] = ProxyCommand.NotAllowed,
        ["client|trackinginfo"] = ProxyCommand.NotAllowed,
        ["client|caching"] = ProxyCommand.NotAllowed,
        ["client|unblock"] = ProxyCommand.NotAllowed,
        ["client|no-touch"] = ProxyCommand.NotAllowed,
        ["client|help"] = ProxyCommand.NotAllowed,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    private static readonly FrozenDictionary<string, ProxyCommand>.AlternateLookup<ReadOnlySpan<char>> RulesBySpan =
        Rules.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The rule for a command; a subcommand without a rule of its own follows its container's (CLUSTER INFO is refused
    /// as CLUSTER is, COMMAND COUNT is answered as COMMAND is).
    /// </summary>
    public static ProxyCommand Classify(string fullName)
    {
        if (Rules.TryGetValue(fullName, out var rule))
        {
            return rule;
        }
        var bar = fullName.IndexOf('|', StringComparison.Ordinal);
        return bar > 0 && RulesBySpan.TryGetValue(fullName.AsSpan(0, bar), out rule) ? rule : ProxyCommand.Forward;
    }

    /// <summary>Commands a client may send before it authenticated.</summary>
    public static bool AllowedBeforeAuth(ProxyCommand command) =>
        command is ProxyCommand.Auth or ProxyCommand.Hello or ProxyCommand.Quit or ProxyCommand.Reset;

    /// <summary>Commands a RESP2 client may send while it is subscribed.</summary>
    public static bool AllowedWhileSubscribed(ProxyCommand command) =>
        command is ProxyCommand.Subscribe or ProxyCommand.Unsubscribe or ProxyCommand.PSubscribe or ProxyCommand.PUnsubscribe
            or ProxyCommand.SSubscribe or ProxyCommand.SUnsubscribe or ProxyCommand.Ping or ProxyCommand.Quit or ProxyCommand.Reset;
}
