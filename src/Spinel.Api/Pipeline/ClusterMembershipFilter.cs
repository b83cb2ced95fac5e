using Microsoft.AspNetCore.Http;
using Spinel.Api.Http;
using Spinel.ControlPlane;

namespace Spinel.Api.Pipeline;

/// <summary>A node in no cluster answers only <c>/v1/bootstrap</c>; everything else gets 503 <c>node_not_in_cluster</c>.</summary>
internal sealed class ClusterMembershipFilter(IClusterStore store) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        if (!store.Current.IsCreated && !context.HttpContext.GetApiPolicy().IsBootstrap)
        {
            return ValueTask.FromResult<object?>(ApiResults.Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.NodeNotInCluster,
                "this node is not part of a cluster yet; create or join one with POST /v1/bootstrap/{action}"));
        }
        return next(context);
    }
}
