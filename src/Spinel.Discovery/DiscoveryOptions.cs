namespace Spinel.Discovery;

/// <summary>The discovery service (Sentinel protocol); bound from the <c>Discovery</c> section (<c>--Discovery:Port 8001</c>).</summary>
public sealed class DiscoveryOptions
{
    /// <summary>This node's uid.</summary>
    public int NodeUid { get; set; }

    /// <summary>Address the service listens on (the node's address).</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>TCP port; 0 turns the service off. <value>Default: 8001, as in Redis Enterprise.</value></summary>
    public int Port { get; set; } = 8001;
}
