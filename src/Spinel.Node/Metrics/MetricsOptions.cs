namespace Spinel.Node.Metrics;

/// <summary>The Prometheus exporter of the node; bound from the <c>Metrics</c> section (<c>--Metrics:Port 8070</c>).</summary>
public sealed class MetricsOptions
{
    /// <summary>HTTP port of <c>/metrics</c> and <c>/v2</c> on the node's address (Redis Enterprise's metrics_exporter); 0 turns it off. <value>Default: 8070.</value></summary>
    public int Port { get; set; } = 8070;
}
