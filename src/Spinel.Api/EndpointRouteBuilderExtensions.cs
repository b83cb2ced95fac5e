using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Endpoints;
using Spinel.Api.Pipeline;

namespace Spinel.Api;

public static class EndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps the REST API v1 (Redis Enterprise paths and field names) under <c>/v1</c>. Every request passes, in order:
    /// error bodies for exceptions, the cluster check (503 before the node is in a cluster, bootstrap excepted), HTTP
    /// Basic auth and the role check (401/403), the body read (content type, size), and for writes the leader gate
    /// (503 without a quorum, forwarding on a follower). Needs <see cref="ServiceCollectionExtensions.AddSpinelApi"/>.
    /// </summary>
    public static RouteGroupBuilder MapSpinelApi(this IEndpointRouteBuilder endpoints)
    {
        var v1 = endpoints.MapGroup("/v1");
        v1.AddEndpointFilter<ExceptionFilter>()
            .AddEndpointFilter<ClusterMembershipFilter>()
            .AddEndpointFilter<AuthenticationFilter>()
            .AddEndpointFilter<RequestBodyFilter>()
            .AddEndpointFilter<LeaderGateFilter>();

        BootstrapEndpoints.Map(v1);
        ClusterEndpoints.Map(v1);
        ClusterCertificateEndpoints.Map(v1);
        NodeEndpoints.Map(v1);
        NodeActionEndpoints.Map(v1);
        InternalNodeEndpoints.Map(v1);
        BdbEndpoints.Map(v1);
        BdbActionEndpoints.Map(v1);
        ShardEndpoints.Map(v1);
        ShardActionEndpoints.Map(v1);
        ActionEndpoints.Map(v1);
        UserEndpoints.Map(v1);
        RoleEndpoints.Map(v1);
        RedisAclEndpoints.Map(v1);
        LogEndpoints.Map(v1);
        FallbackEndpoints.Map(v1);
        return v1;
    }
}
