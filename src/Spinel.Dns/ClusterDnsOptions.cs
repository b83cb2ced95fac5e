namespace Spinel.Dns;

/// <summary>The node's authoritative DNS server for the cluster zone; bound from the <c>Dns</c> section (<c>--Dns:Port 8053</c>).</summary>
public sealed class ClusterDnsOptions
{
    /// <summary>This node's uid.</summary>
    public int NodeUid { get; set; }

    /// <summary>Address the server listens on (the node's address).</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>UDP and TCP port; 0 turns the server off. <value>Default: 53.</value></summary>
    public int Port { get; set; } = 53;

    /// <summary>
    /// TTL of every record, and the negative-caching TTL of the zone's SOA, in whole seconds: resolvers keep a stale
    /// address at most this long after an endpoint moves. <value>Default: 5 seconds.</value>
    /// </summary>
    public TimeSpan Ttl { get; set; } = TimeSpan.FromSeconds(5);
}
