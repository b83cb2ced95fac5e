namespace Spinel.NodeAgent;

/// <summary>Settings of the node agent, which runs this node's redis-server shards.</summary>
public sealed class NodeAgentOptions
{
    /// <summary>Uid of this node in the topology; required, at least 1.</summary>
    public int NodeUid { get; set; }

    /// <summary>Directory holding <c>shards/&lt;shardUid&gt;/</c> (redis.conf, redis.pid, redis.log); required.</summary>
    public string DataDir { get; set; } = "";

    /// <summary>The redis-server executable: a path, or a name looked up in <c>PATH</c>.</summary>
    /// <value>Defaults to <c>redis-server</c>.</value>
    public string RedisServerPath { get; set; } = "redis-server";

    /// <summary>How long a new shard has to answer PING before its start counts as failed.</summary>
    /// <value>Defaults to 10 seconds.</value>
    public TimeSpan StartTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a shard has to exit after <c>SHUTDOWN NOSAVE</c> (or an orphan after SIGTERM) before it is killed.</summary>
    /// <value>Defaults to 5 seconds.</value>
    public TimeSpan StopTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Wait before the second restart of a shard that keeps failing; the first restart is immediate and each further
    /// one doubles the wait, up to <see cref="MaxRestartDelay"/>.
    /// </summary>
    /// <value>Defaults to 1 second.</value>
    public TimeSpan RestartDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>Longest wait between restarts; a shard that ran this long before it died restarts at once again.</summary>
    /// <value>Defaults to 30 seconds.</value>
    public TimeSpan MaxRestartDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How often each running shard is asked for <c>INFO replication</c>.</summary>
    /// <value>Defaults to 250 milliseconds.</value>
    public TimeSpan HealthCheckInterval { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>How long a shard has to answer a health check before the check counts as failed.</summary>
    /// <value>Defaults to 500 milliseconds.</value>
    public TimeSpan HealthCheckTimeout { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// Failed health checks in a row after which a shard is reported <see cref="ShardState.Unresponsive"/>; it is not
    /// killed for that, the control plane decides.
    /// </summary>
    /// <value>Defaults to 3.</value>
    public int UnresponsiveAfter { get; set; } = 3;
}
