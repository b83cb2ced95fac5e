namespace Spinel.Proxy;

/// <summary>Settings of the proxy on this node.</summary>
public sealed class ProxyOptions
{
    /// <summary>The node this proxy runs on; it binds the endpoints whose <c>EndpointNodes</c> name it. Required.</summary>
    public int NodeUid { get; set; }

    /// <summary>Address the endpoints listen on. <value>Default: 127.0.0.1.</value></summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>Multiplexed, pipelined connections kept to each shard per RESP version. <value>Default: 1.</value></summary>
    public int ConnectionsPerShard { get; set; } = 1;

    /// <summary>Idle dedicated shard connections (transactions, blocking commands) kept per shard. <value>Default: 8.</value></summary>
    public int MaxIdleDedicatedPerShard { get; set; } = 8;

    /// <summary>Requests a client may have in flight before the proxy stops reading from it. <value>Default: 1024.</value></summary>
    public int MaxPipelineDepth { get; set; } = 1024;

    /// <summary>Reply bytes held for a client that does not read them before it is disconnected. <value>Default: 256 MiB.</value></summary>
    public long ClientOutputBufferLimit { get; set; } = 256L * 1024 * 1024;

    /// <summary>Pub/sub messages held for a slow subscriber before it is disconnected (redis: 32 MiB). <value>Default: 32 MiB.</value></summary>
    public long PubSubOutputBufferLimit { get; set; } = 32L * 1024 * 1024;

    /// <summary>Close clients idle this long; zero disables it, as redis's <c>timeout 0</c>. <value>Default: zero.</value></summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Longest a request waits for a held shard (failover, shard unreachable) or, for a write, for the write fence to
    /// open, before it is answered with <c>-TRYAGAIN</c> or <c>-READONLY</c>; zero answers at once.
    /// <value>Default: 5 seconds.</value>
    /// </summary>
    public TimeSpan FailoverHoldTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Redis version the endpoint reports in HELLO and INFO. <value>Default: 7.0.15.</value></summary>
    public string RedisVersion { get; set; } = "7.0.15";
}
