using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Pipeline;
using Spinel.ControlPlane;

namespace Spinel.Api.Stats;

/// <summary>
/// <c>/v1/{bdbs,nodes,shards}/stats[/last][/{uid}]</c> and <c>/v1/cluster/stats[/last]</c> for the whole cluster, and
/// <c>/v1/internal/stats/{kind}</c>, one node's share, which the others ask.
/// </summary>
public static class StatsEndpoints
{
    /// <summary>Maps the stats API into the REST API's <c>/v1</c> group (its auth and error handling apply).</summary>
    public static RouteGroupBuilder MapSpinelStats(this RouteGroupBuilder v1)
    {
        foreach (var (path, kind) in new[] { ("bdbs", StatsKind.Bdb), ("nodes", StatsKind.Node), ("shards", StatsKind.Shard) })
        {
            v1.MapGet($"/{path}/stats", (HttpContext c, StatsCollector s, IClusterStore store) => ListAsync(c, s, store, kind, null, last: false)).WithMetadata(ApiEndpointPolicy.Read);
            v1.MapGet($"/{path}/stats/last", (HttpContext c, StatsCollector s, IClusterStore store) => ListAsync(c, s, store, kind, null, last: true)).WithMetadata(ApiEndpointPolicy.Read);
            v1.MapGet($"/{path}/stats/{{uid:int}}", (int uid, HttpContext c, StatsCollector s, IClusterStore store) => ListAsync(c, s, store, kind, uid, last: false)).WithMetadata(ApiEndpointPolicy.Read);
            v1.MapGet($"/{path}/stats/last/{{uid:int}}", (int uid, HttpContext c, StatsCollector s, IClusterStore store) => ListAsync(c, s, store, kind, uid, last: true)).WithMetadata(ApiEndpointPolicy.Read);
        }
        v1.MapGet("/cluster/stats", (HttpContext c, StatsCollector s, IClusterStore store) => ListAsync(c, s, store, StatsKind.Cluster, null, last: false)).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapGet("/cluster/stats/last", (HttpContext c, StatsCollector s, IClusterStore store) => ListAsync(c, s, store, StatsKind.Cluster, null, last: true)).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapGet("/internal/stats/{kind}", Internal).WithMetadata(ApiEndpointPolicy.Read);
        return v1;
    }

    private static async Task<IResult> ListAsync(HttpContext context, StatsCollector collector, IClusterStore store, StatsKind kind, int? uid, bool last)
    {
        if (StatsQuery.TryRead(context.Request.Query, out var error) is not { } query)
        {
            return ApiResults.NotAcceptable(ErrorCodes.InvalidParameter, error!);
        }
        if (uid is { } wanted && NotFound(store, kind, wanted) is { } notFound)
        {
            return notFound;
        }
        var records = await collector.ClusterAsync(kind, query, last, context).ConfigureAwait(false);
        var objects = records.Where(r => uid is null || r.Uid == uid)
            .GroupBy(r => r.Uid)
            .Select(g => new ObjectStatsDto(kind == StatsKind.Cluster ? "cluster" : g.Key.ToString(),
                [.. (last ? g.OrderBy(r => r.Stime).TakeLast(1) : g).Select(r => StatsIntervalDto.From(query.Interval, r))]))
            .ToList();
        if (uid is { } one && objects.Count == 0)
        {
            objects.Add(new ObjectStatsDto(one.ToString(), []));
        }
        return Results.Json<IReadOnlyList<ObjectStatsDto>>(objects, StatsJsonContext.Default.IReadOnlyListObjectStatsDto);
    }

    private static IResult Internal(string kind, HttpContext context, StatsCollector collector)
    {
        if (!Enum.TryParse<StatsKind>(kind, ignoreCase: true, out var parsed) || StatsQuery.TryRead(context.Request.Query, out var error) is not { } query)
        {
            return ApiResults.NotAcceptable(ErrorCodes.InvalidParameter, $"bad stats request for '{kind}'");
        }
        var records = collector.Local(parsed, query, last: context.Request.Query["last"] == "1");
        return Results.Json(records, StatsJsonContext.Default.IReadOnlyListStatsRecord);
    }

    private static IResult? NotFound(IClusterStore store, StatsKind kind, int uid)
    {
        var state = store.Current;
        return kind switch
        {
            StatsKind.Bdb when !state.Bdbs.ContainsKey(uid) => ApiResults.NotFound(ErrorCodes.BdbNotFound, $"database {uid} does not exist"),
            StatsKind.Node when !state.Nodes.ContainsKey(uid) => ApiResults.NotFound(ErrorCodes.NodeNotFound, $"node {uid} does not exist"),
            StatsKind.Shard when !state.Shards.ContainsKey(uid) => ApiResults.NotFound(ErrorCodes.ShardNotFound, $"shard {uid} does not exist"),
            _ => null,
        };
    }
}
