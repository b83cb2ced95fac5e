namespace Spinel.ControlPlane.Store;

/// <summary>A database endpoint: the port clients connect to and the nodes whose proxies bind it; versioned with its database.</summary>
public sealed record EndpointRecord
{
    /// <summary>Endpoint id as Redis Enterprise writes it: <c>&lt;bdb_uid&gt;:&lt;n&gt;</c>, e.g. <c>1:1</c>.</summary>
    public required string Uid { get; init; }

    public required int BdbUid { get; init; }

    public required int Port { get; init; }

    public ProxyPolicy ProxyPolicy { get; init; } = ProxyPolicy.Single;

    /// <summary>Nodes whose proxies bind the endpoint.</summary>
    public ValueList<int> NodeUids { get; init; }
}
