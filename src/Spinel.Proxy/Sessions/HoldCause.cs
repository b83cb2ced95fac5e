namespace Spinel.Proxy.Sessions;

/// <summary>Why a client's request waits instead of being sent.</summary>
internal enum HoldCause
{
    None,

    /// <summary>A master it needs is held by the topology or unreachable.</summary>
    Shard,

    /// <summary>It writes, and the node's write fence is closed.</summary>
    WriteFence,
}
