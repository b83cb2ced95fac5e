using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Operations;

namespace Spinel.Api.Endpoints;

/// <summary><c>/v1/internal/nodes/join</c>: a bootstrapping node asks the cluster (as its admin) to add it.</summary>
internal static class InternalNodeEndpoints
{
    public static void Map(RouteGroupBuilder v1) =>
        v1.MapPost("/internal/nodes/join", JoinAsync).WithMetadata(ApiEndpointPolicy.ClusterWrite);

    private static async Task<IResult> JoinAsync(HttpContext context, IClusterStore store, INodeOperations nodes, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        using (document)
        {
            if (NodeJoinRequestReader.Read(document.RootElement, out var candidate) is { } error)
            {
                return error.ToResult();
            }
            var outcome = await nodes.JoinAsync(candidate, cancellationToken).ConfigureAwait(false);
            if (outcome.Error is { } failure)
            {
                return OperationResults.ToResult(failure);
            }
            return ApiResults.Written(NodeJson.ToDto(outcome.Value!, store.Current), ApiJsonContext.Default.NodeDto);
        }
    }
}
