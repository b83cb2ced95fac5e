using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Prometheus;

namespace Spinel.Node.Metrics;

internal static class MetricsEndpoints
{
    /// <summary>
    /// Maps <c>/metrics</c> and <c>/v2</c> (Redis Enterprise's v2 exporter path) to the node's registry, answered only on
    /// the metrics port, without authentication, as Redis Enterprise's metrics_exporter on 8070.
    /// </summary>
    public static void MapNodeMetrics(this IEndpointRouteBuilder endpoints, int port)
    {
        var registry = endpoints.ServiceProvider.GetRequiredService<NodeMetricsExporter>().Registry;
        endpoints.MapMetrics("/metrics", registry).RequireHost($"*:{port}");
        endpoints.MapMetrics("/v2", registry).RequireHost($"*:{port}");
    }
}
