namespace Spinel.Dns;

/// <summary>The node's authoritative DNS server for the cluster zone; bound from the <c>Dns</c> section (<c>--Dns:Port 5300</c>).</summary>
public sealed class ClusterDnsOptions
{
    /// <summary>This node's uid.</summary>
    public int NodeUid { get; set; }

    /// <summary>Address the server listens on (the node's address).</summary>
    public string BindAddress { get; set; } = "127.0.0.1";

    /// <summary>UDP and TCP port; 0 turns the server off. <value>Default: 53.</value></summary>
    public int Port { get; set; } = 53;
}
