using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Forwarding;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.ControlPlane;

namespace Spinel.Api.Endpoints;

/// <summary><c>/v1/nodes</c>: the member nodes, and which one is the cluster master (the Raft leader).</summary>
internal static class NodeEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/nodes", List).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapGet("/nodes/status", Status).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapGet("/nodes/{uid:int}", Get).WithMetadata(ApiEndpointPolicy.Read);
    }

    private static IResult List(IClusterStore store)
    {
        var state = store.Current;
        return ApiResults.List([.. state.Nodes.Values.Select(n => NodeJson.ToDto(n, state))], ApiJsonContext.Default.IReadOnlyListNodeDto);
    }

    private static IResult Get(int uid, IClusterStore store)
    {
        var state = store.Current;
        return state.Nodes.GetValueOrDefault(uid) is { } node
            ? ApiResults.Object(NodeJson.ToDto(node, state), ApiJsonContext.Default.NodeDto)
            : ApiResults.NotFound(ErrorCodes.NodeNotFound, $"node {uid} does not exist");
    }

    private static IResult Status(IClusterStore store)
    {
        var state = store.Current;
        var leader = store.LeaderRaftEndPoint;
        var statuses = state.Nodes.Values.ToDictionary(
            n => n.Uid.ToString(System.Globalization.CultureInfo.InvariantCulture),
            n => NodeJson.ToStatusDto(n, state, LeaderLocator.IsAt(n, leader)));
        return ApiResults.Json<IReadOnlyDictionary<string, NodeStatusDto>>(statuses, ApiJsonContext.Default.IReadOnlyDictionaryStringNodeStatusDto, Projection.EachValue);
    }
}
