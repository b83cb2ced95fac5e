using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;
using Spinel.ControlPlane;

namespace Spinel.Api.Endpoints;

/// <summary>
/// <c>GET /v1/logs</c>: the cluster's event log. It lives in the replicated store, so every node answers alike; "asc"
/// is the order the events were committed in (their uids), which the times follow unless leaders' clocks disagree.
/// </summary>
internal static class LogEndpoints
{
    public static void Map(RouteGroupBuilder v1) => v1.MapGet("/logs", List).WithMetadata(ApiEndpointPolicy.Read);

    private static IResult List(HttpContext context, IClusterStore store)
    {
        if (LogQueryReader.Read(context.Request.Query, out var query) is { } error)
        {
            return error.ToResult();
        }
        var events = store.Current.Events.Where(e => (query.Start is not { } start || e.Time >= start) && (query.End is not { } end || e.Time <= end));
        var ordered = query.Descending ? events.Reverse() : events;
        var page = ordered.Skip(query.Offset).Take(query.Limit ?? int.MaxValue);
        return ApiResults.List<EventDto>([.. page.Select(EventJson.ToDto)], ApiJsonContext.Default.IReadOnlyListEventDto);
    }
}
