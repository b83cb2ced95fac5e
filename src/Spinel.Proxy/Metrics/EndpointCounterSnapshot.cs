namespace Spinel.Proxy.Metrics;

/// <summary>Cumulative figures of one database endpoint on this node since it was bound; immutable.</summary>
public sealed record EndpointCounterSnapshot
{
    public required int BdbUid { get; init; }

    public required int Port { get; init; }

    /// <summary>Clients connected now.</summary>
    public required long Connections { get; init; }

    public required long AcceptedConnections { get; init; }

    public required long Disconnections { get; init; }

    /// <summary>Connections refused because the database's client limit was reached.</summary>
    public required long RejectedConnections { get; init; }

    public required long AuthFailures { get; init; }

    public required long ReadRequests { get; init; }

    public required long WriteRequests { get; init; }

    public required long OtherRequests { get; init; }

    public required long ReadResponses { get; init; }

    public required long WriteResponses { get; init; }

    public required long OtherResponses { get; init; }

    public required long IngressBytes { get; init; }

    public required long EgressBytes { get; init; }

    public required LatencyHistogramSnapshot ReadLatency { get; init; }

    public required LatencyHistogramSnapshot WriteLatency { get; init; }

    public required LatencyHistogramSnapshot OtherLatency { get; init; }

    public long TotalRequests => ReadRequests + WriteRequests + OtherRequests;
}
