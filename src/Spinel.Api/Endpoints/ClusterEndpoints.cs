using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Endpoints;

/// <summary><c>/v1/cluster</c>: the cluster object.</summary>
internal static class ClusterEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/cluster", Get).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPut("/cluster", Update).WithMetadata(ApiEndpointPolicy.ClusterWrite);
    }

    private static IResult Get(IClusterStore store) =>
        ApiResults.Object(ToDto(store.Current.Cluster!), ApiJsonContext.Default.ClusterDto);

    private static IResult Update(HttpContext context, IClusterStore store)
    {
        var cluster = store.Current.Cluster!;
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        using (document)
        {
            return ClusterRequestReader.Read(document.RootElement, cluster) is { } error
                ? error.ToResult()
                : ApiResults.Written(ToDto(cluster), ApiJsonContext.Default.ClusterDto);
        }
    }

    private static ClusterDto ToDto(ClusterRecord cluster) => new() { Name = cluster.Name, CreatedTime = ApiTime.Format(cluster.CreatedTime) };
}
