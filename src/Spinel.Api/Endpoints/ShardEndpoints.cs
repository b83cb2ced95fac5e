using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.ControlPlane;

namespace Spinel.Api.Endpoints;

/// <summary><c>/v1/shards</c>: the shards of every database.</summary>
internal static class ShardEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/shards", List).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapGet("/shards/{uid:int}", Get).WithMetadata(ApiEndpointPolicy.Read);
    }

    private static IResult List(IClusterStore store) =>
        ApiResults.List([.. store.Current.Shards.Values.Select(ShardJson.ToDto)], ApiJsonContext.Default.IReadOnlyListShardDto);

    private static IResult Get(int uid, IClusterStore store) =>
        store.Current.Shards.GetValueOrDefault(uid) is { } shard
            ? ApiResults.Object(ShardJson.ToDto(shard), ApiJsonContext.Default.ShardDto)
            : ApiResults.NotFound(ErrorCodes.ShardNotFound, $"shard {uid} does not exist");
}
