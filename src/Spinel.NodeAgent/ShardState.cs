namespace Spinel.NodeAgent;

/// <summary>Where a shard process of this node stands.</summary>
public enum ShardState
{
    /// <summary>The process was launched and has not answered PING yet.</summary>
    Starting,

    /// <summary>The process answered PING and has not exited since.</summary>
    Running,

    /// <summary>The process exited without being asked to; a restart is due or under way.</summary>
    Crashed,

    /// <summary>The process was stopped on purpose (shard removed, node shutting down).</summary>
    Stopped,

    /// <summary>The process could not be started (port in use, timeout, bad config); retried with backoff.</summary>
    Failed,
}
