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

/// <summary>
/// <c>/v1/internal/nodes/join</c>: a bootstrapping node asks the cluster (as its admin) to add it.
/// <c>/v1/internal/nodes/join_credentials</c>: before that, it fetches the cluster CA (certificate and key), so that it
/// issues its own certificate and its Raft transport authenticates, and is authenticated by, the leader that adds it.
/// The key is no more than the node gets through the store once it is a member.
/// </summary>
internal static class InternalNodeEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/internal/nodes/join", JoinAsync).WithMetadata(ApiEndpointPolicy.ClusterWrite);
        v1.MapPost("/internal/nodes/join_credentials", JoinCredentials).WithMetadata(ApiEndpointPolicy.ClusterSecret);
    }

    private static IResult JoinCredentials(IClusterStore store) => store.Current.Cluster is { CertificateAuthorityPem: { } ca, CertificateAuthorityKeyPem: { } key } cluster
        ? ApiResults.Written(new JoinCredentialsDto { ClusterName = cluster.Name, CaCert = ca, CaKey = key }, ApiJsonContext.Default.JoinCredentialsDto)
        : ApiResults.Error(StatusCodes.Status503ServiceUnavailable, ErrorCodes.NodeNotInCluster, "the cluster has no certificate authority yet");

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
