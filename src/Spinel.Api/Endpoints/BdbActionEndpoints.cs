using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Operations;

namespace Spinel.Api.Endpoints;

/// <summary>
/// <c>/v1/bdbs/{uid}/actions/...</c>: database actions (only <c>rebalance</c> so far), run by
/// <see cref="IRebalanceOperations"/> on the leader. Options come in the query, as in Redis Enterprise; the body is empty.
/// </summary>
internal static class BdbActionEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPut("/bdbs/{uid:int}/actions/rebalance", RebalanceAsync).WithMetadata(ApiEndpointPolicy.DatabaseAction);
    }

    // [FromServices]: a host that lacks IRebalanceOperations fails this endpoint (500), not the inference of every route.
    private static async Task<IResult> RebalanceAsync(int uid, HttpContext context, IClusterStore store, [FromServices] IRebalanceOperations rebalance,
        CancellationToken cancellationToken)
    {
        if (!store.Current.Bdbs.ContainsKey(uid))
        {
            return ApiResults.NotFound(ErrorCodes.BdbNotFound, $"database {uid} does not exist");
        }
        if (!JsonBody.TryParseOptionalObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        using (document)
        {
            if (document.RootElement.EnumerateObject().Select(p => p.Name).FirstOrDefault() is { } field)
            {
                return JsonFields.UnknownField(field).ToResult();
            }
        }
        if (RebalanceQueryReader.Read(uid, context.Request.Query, out var request) is { } error)
        {
            return error.ToResult();
        }
        var outcome = await rebalance.RebalanceAsync(request, cancellationToken).ConfigureAwait(false);
        if (outcome.Error is { } failure)
        {
            return OperationResults.ToResult(failure);
        }
        if (request.DryRun)
        {
            return ApiResults.Written(outcome.Value is { } plan ? BlueprintJson.ToDtos(plan) : [], ApiJsonContext.Default.IReadOnlyListBlueprintEntryDto);
        }
        return ApiResults.Written(new ActionAcceptedDto { ActionUid = outcome.ActionUid, Description = "Rebalance was triggered" },
            ApiJsonContext.Default.ActionAcceptedDto);
    }
}
