using System.Globalization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.ControlPlane;

namespace Spinel.Api.Endpoints;

/// <summary><c>/v1/actions</c>: the orchestrator's state machines (Spinel has no other kind of action yet).</summary>
internal static class ActionEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/actions", List).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapGet("/actions/bdb/{bdbUid:int}", ListOfBdb).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapGet("/actions/{uid}", Get).WithMetadata(ApiEndpointPolicy.Read);
    }

    private static IResult List(IClusterStore store) =>
        ApiResults.Json(new ActionListDto { StateMachines = ActionJson.ToDtos(store.Current.Actions.Values) }, ApiJsonContext.Default.ActionListDto, Projection.ItemsOfEachList);

    // Actions outlive the database they acted on, so an unknown or deleted bdb has a list too (maybe empty).
    private static IResult ListOfBdb(int bdbUid, IClusterStore store)
    {
        var objectName = "bdb:" + bdbUid.ToString(CultureInfo.InvariantCulture);
        return ApiResults.List(ActionJson.ToDtos(store.Current.Actions.Values.Where(a => a.ObjectName == objectName)), ApiJsonContext.Default.IReadOnlyListStateMachineDto);
    }

    private static IResult Get(string uid, IClusterStore store) =>
        store.Current.Actions.GetValueOrDefault(uid) is { } action
            ? ApiResults.Object(ActionJson.ToDto(action), ApiJsonContext.Default.StateMachineDto)
            : ApiResults.NotFound(ErrorCodes.ActionNotFound, $"action {uid} does not exist");
}
