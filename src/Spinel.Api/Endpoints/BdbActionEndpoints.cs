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
using System.Text.Json;

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
        v1.MapPost("/bdbs/{uid:int}/actions/export", ExportAsync).WithMetadata(ApiEndpointPolicy.DatabaseWrite);
        v1.MapPost("/bdbs/{uid:int}/actions/import", ImportAsync).WithMetadata(ApiEndpointPolicy.DatabaseWrite);
        v1.MapPost("/bdbs/{uid:int}/actions/recover", RecoverAsync).WithMetadata(ApiEndpointPolicy.DatabaseWrite);
    }

    private static async Task<IResult> RecoverAsync(int uid, HttpContext context, IClusterStore store, [FromServices] IDataTransferOperations transfers,
        CancellationToken cancellationToken)
    {
        // Redis Enterprise's options pick persistence files; here a lost shard always starts from what its new node has.
        if (RefuseBody(uid, context, store, "ignore_errors", "recover_without_data") is { } refused)
        {
            return refused;
        }
        var outcome = await transfers.RecoverAsync(uid, cancellationToken).ConfigureAwait(false);
        if (outcome.Error is { } failure)
        {
            return OperationResults.ToResult(failure);
        }
        return ApiResults.Written(new ActionAcceptedDto { Description = "Recovery " + outcome.Value }, ApiJsonContext.Default.ActionAcceptedDto);
    }

    private static Task<IResult> ExportAsync(int uid, HttpContext context, IClusterStore store, [FromServices] IDataTransferOperations transfers,
        CancellationToken cancellationToken) =>
        TransferAsync(uid, context, store, "Export", (JsonElement body, out Func<CancellationToken, Task<OperationOutcome<string>>>? start) =>
        {
            var error = DataTransferRequestReader.ReadExport(body, out var directory);
            start = ct => transfers.ExportAsync(uid, directory, ct);
            return error;
        }, cancellationToken);

    private static Task<IResult> ImportAsync(int uid, HttpContext context, IClusterStore store, [FromServices] IDataTransferOperations transfers,
        CancellationToken cancellationToken) =>
        TransferAsync(uid, context, store, "Import", (JsonElement body, out Func<CancellationToken, Task<OperationOutcome<string>>>? start) =>
        {
            var error = DataTransferRequestReader.ReadImport(body, out var files);
            start = ct => transfers.ImportAsync(uid, files, ct);
            return error;
        }, cancellationToken);

    private delegate RequestError? TransferReader(JsonElement body, out Func<CancellationToken, Task<OperationOutcome<string>>>? start);

    private static async Task<IResult> TransferAsync(int uid, HttpContext context, IClusterStore store, string what, TransferReader read,
        CancellationToken cancellationToken)
    {
        if (!store.Current.Bdbs.ContainsKey(uid))
        {
            return ApiResults.NotFound(ErrorCodes.BdbNotFound, $"database {uid} does not exist");
        }
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        Func<CancellationToken, Task<OperationOutcome<string>>>? start;
        using (document)
        {
            if (read(document.RootElement, out start) is { } error)
            {
                return error.ToResult();
            }
        }
        var outcome = await start!(cancellationToken).ConfigureAwait(false);
        if (outcome.Error is { } failure)
        {
            return OperationResults.ToResult(failure);
        }
        return ApiResults.Written(new ActionAcceptedDto { ActionUid = outcome.ActionUid, Description = $"{what} was triggered" },
            ApiJsonContext.Default.ActionAcceptedDto);
    }

    // [FromServices]: a host that lacks IRebalanceOperations fails this endpoint (500), not the inference of every route.
    private static async Task<IResult> RebalanceAsync(int uid, HttpContext context, IClusterStore store, [FromServices] IRebalanceOperations rebalance,
        CancellationToken cancellationToken)
    {
        if (RefuseBody(uid, context, store) is { } refused)
        {
            return refused;
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

    /// <summary>
    /// The answer for a database action that takes no body (or one with only <paramref name="ignored"/> fields): 404 for
    /// an unknown database, 400/406 for a body it cannot take; null when the request may go on.
    /// </summary>
    private static IResult? RefuseBody(int uid, HttpContext context, IClusterStore store, params string[] ignored)
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
            return document.RootElement.EnumerateObject().Select(p => p.Name).FirstOrDefault(n => !ignored.Contains(n)) is { } field
                ? JsonFields.UnknownField(field).ToResult()
                : null;
        }
    }
}
