namespace Spinel.Proxy.Metrics;

/// <summary>Reads the counters of every endpoint this node's proxy serves, for the metrics exporter and the stats API.</summary>
public interface IEndpointMetricsProvider
{
    /// <summary>One snapshot per bound endpoint, ordered by port. Thread-safe; cheap enough to call once a second.</summary>
    IReadOnlyList<EndpointCounterSnapshot> GetEndpointCounters();
}
