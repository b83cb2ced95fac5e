using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Health;

namespace Spinel.Api.Endpoints;

/// <summary><c>/v1/shards</c>: the shards of every database, with what their nodes' heartbeats last told of them.</summary>
internal static class ShardEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/shards", List).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapGet("/shards/{uid:int}", Get).WithMetadata(ApiEndpointPolicy.Read);
    }

    // [FromServices]: a host that lacks IClusterHealth fails the shard reads (500), not the inference of every route.
    private static IResult List(IClusterStore store, [FromServices] IClusterHealth health)
    {
        var state = store.Current;
        return ApiResults.List([.. state.Shards.Values.Select(s => ShardJson.ToDto(s, state, health))], ApiJsonContext.Default.IReadOnlyListShardDto);
    }

    private static IResult Get(int uid, IClusterStore store, [FromServices] IClusterHealth health)
    {
        var state = store.Current;
        return state.Shards.GetValueOrDefault(uid) is { } shard
            ? ApiResults.Object(ShardJson.ToDto(shard, state, health), ApiJsonContext.Default.ShardDto)
            : ApiResults.NotFound(ErrorCodes.ShardNotFound, $"shard {uid} does not exist");
    }
}
