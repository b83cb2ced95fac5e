namespace Spinel.Proxy.Commands;

/// <summary>How the proxy handles a command; anything not listed is forwarded to the shard that owns its keys.</summary>
internal enum ProxyCommand : byte
{
    Forward,
    NotAllowed,

    Ping,
    Echo,
    Hello,
    Auth,
    Select,
    Quit,
    Reset,
    Time,
    Command,
    Info,
    ClientId,
    ClientSetName,
    ClientGetName,
    ClientInfo,
    ClientList,
    ClientKill,
    ClientReply,
    ConfigGet,
    ConfigSet,
    AclWhoAmI,
    AclUsers,

    MultiKeyGet,
    MultiKeySet,
    MultiKeyCount,

    DbSize,
    Keys,
    Scan,
    FlushAll,
    RandomKey,
    AllShardsOk,
    AllShardsSum,
    AllShardsConcat,
    ScriptExists,
    Kill,
    PubSubUnion,
    PubSubNumSub,
    PubSubNumPat,

    Multi,
    Exec,
    Discard,
    Watch,
    Unwatch,

    Subscribe,
    Unsubscribe,
    PSubscribe,
    PUnsubscribe,
    SSubscribe,
    SUnsubscribe,
    Publish,

    Blocking,
    StreamRead,
    Wait,

    Cluster,
    ClusterMode,
}
