using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Endpoints;

/// <summary>
/// <c>/v1/shards[/{uid}]/actions/failover|migrate</c>: manual failover and migration. The body is checked here, the
/// request run by <see cref="IShardOperations"/> on the leader, which answers the action that carries it out.
/// </summary>
internal static class ShardActionEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapPost("/shards/actions/failover", FailoverAsync).WithMetadata(ApiEndpointPolicy.ShardAction);
        v1.MapPost("/shards/{uid:int}/actions/failover", FailoverOneAsync).WithMetadata(ApiEndpointPolicy.ShardAction);
        v1.MapPost("/shards/actions/migrate", MigrateAsync).WithMetadata(ApiEndpointPolicy.ShardAction);
        v1.MapPost("/shards/{uid:int}/actions/migrate", MigrateOneAsync).WithMetadata(ApiEndpointPolicy.ShardAction);
    }

    // [FromServices]: a host that lacks IShardOperations fails these endpoints (500), not the inference of every route.
    private static Task<IResult> FailoverAsync(HttpContext context, [FromServices] IShardOperations shards, CancellationToken cancellationToken) =>
        RunFailoverAsync(context, null, shards, cancellationToken);

    private static Task<IResult> FailoverOneAsync(int uid, HttpContext context, [FromServices] IShardOperations shards, CancellationToken cancellationToken) =>
        RunFailoverAsync(context, uid, shards, cancellationToken);

    private static Task<IResult> MigrateAsync(HttpContext context, [FromServices] IShardOperations shards, CancellationToken cancellationToken) =>
        RunMigrateAsync(context, null, shards, cancellationToken);

    private static Task<IResult> MigrateOneAsync(int uid, HttpContext context, [FromServices] IShardOperations shards, CancellationToken cancellationToken) =>
        RunMigrateAsync(context, uid, shards, cancellationToken);

    private static async Task<IResult> RunFailoverAsync(HttpContext context, int? uid, IShardOperations shards, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParseOptionalObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        ShardFailoverRequest request;
        using (document)
        {
            if (ShardActionRequestReader.ReadFailover(document.RootElement, uid, out request) is { } error)
            {
                return error.ToResult();
            }
        }
        var outcome = await shards.FailoverAsync(request, cancellationToken).ConfigureAwait(false);
        return Answer(outcome, request.DryRun, "Failover");
    }

    private static async Task<IResult> RunMigrateAsync(HttpContext context, int? uid, IShardOperations shards, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParseOptionalObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        ShardMigrateRequest request;
        using (document)
        {
            if (ShardActionRequestReader.ReadMigrate(document.RootElement, uid, out request) is { } error)
            {
                return error.ToResult();
            }
        }
        var outcome = await shards.MigrateAsync(request, cancellationToken).ConfigureAwait(false);
        return Answer(outcome, request.DryRun, "Migrate");
    }

    private static IResult Answer(OperationOutcome<ActionRecord> outcome, bool dryRun, string action)
    {
        if (outcome.Error is { } error)
        {
            return OperationResults.ToResult(error);
        }
        var accepted = dryRun
            ? new ActionAcceptedDto { Description = $"{action} dry run passed" }
            : new ActionAcceptedDto { ActionUid = outcome.ActionUid ?? outcome.Value?.ActionUid, Description = $"{action} was triggered" };
        return ApiResults.Written(accepted, ApiJsonContext.Default.ActionAcceptedDto);
    }
}
