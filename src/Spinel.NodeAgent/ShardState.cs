namespace Spinel.NodeAgent;

/// <summary>Where a shard process of this node stands.</summary>
public enum ShardState
{
    /// <summary>The process was launched and has not answered PING yet.</summary>
    Starting,

    /// <summary>The process answered its last health check (or its start probe) and has not exited since.</summary>
    Running,

    /// <summary>
    /// The process exited without being asked to; a restart is due or under way, or, when
    /// <see cref="ShardStatus.AwaitingDecision"/> is set, waits for the control plane.
    /// </summary>
    Crashed,

    /// <summary>The process was stopped on purpose (shard removed, node shutting down).</summary>
    Stopped,

    /// <summary>The process could not be started (port in use, timeout, bad config); retried with backoff.</summary>
    Failed,

    /// <summary>
    /// The process runs but failed <see cref="NodeAgentOptions.UnresponsiveAfter"/> health checks in a row; it is left
    /// running and becomes <see cref="Running"/> again on the next good check.
    /// </summary>
    Unresponsive,
}
