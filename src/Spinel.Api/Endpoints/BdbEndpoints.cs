using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Health;
using Spinel.ControlPlane.Operations;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Endpoints;

/// <summary>
/// <c>/v1/bdbs</c>: databases. Reads answer from this node's copy of the store; changes are checked here, then run by
/// <see cref="IDatabaseOperations"/> on the leader, and answer the stored record with the <c>action_uid</c> that finishes them.
/// </summary>
internal static partial class BdbEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/bdbs", List).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPost("/bdbs", CreateAsync).WithMetadata(ApiEndpointPolicy.DatabaseWrite);
        v1.MapGet("/bdbs/{uid:int}", Get).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPut("/bdbs/{uid:int}", UpdateAsync).WithMetadata(ApiEndpointPolicy.DatabaseWrite);
        v1.MapDelete("/bdbs/{uid:int}", DeleteAsync).WithMetadata(ApiEndpointPolicy.DatabaseWrite);
        v1.MapGet("/bdbs/{uid:int}/shards", Shards).WithMetadata(ApiEndpointPolicy.Read);
        MapPasswords(v1);
    }

    private static IResult List(IClusterStore store)
    {
        var state = store.Current;
        return ApiResults.List([.. state.Bdbs.Values.Select(b => BdbJson.ToDto(b, state))], ApiJsonContext.Default.IReadOnlyListBdbDto);
    }

    private static IResult Get(int uid, IClusterStore store)
    {
        var state = store.Current;
        return state.Bdbs.GetValueOrDefault(uid) is { } bdb
            ? ApiResults.Object(BdbJson.ToDto(bdb, state), ApiJsonContext.Default.BdbDto)
            : NotFound(uid);
    }

    private static IResult Shards(int uid, IClusterStore store, [FromServices] IClusterHealth health)
    {
        var state = store.Current;
        return state.Bdbs.ContainsKey(uid)
            ? ApiResults.List([.. state.ShardsOf(uid).OrderBy(s => s.Uid).Select(s => ShardJson.ToDto(s, state, health))], ApiJsonContext.Default.IReadOnlyListShardDto)
            : NotFound(uid);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, IClusterStore store, IDatabaseOperations databases, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        BdbRecord requested;
        using (document)
        {
            if ((BdbRequestReader.ReadCreate(document.RootElement, time.GetUtcNow(), out requested) ?? RolesPermissionsField.CheckReferences(store.Current, requested)) is { } error)
            {
                return error.ToResult();
            }
        }
        var outcome = await databases.CreateAsync(requested, cancellationToken).ConfigureAwait(false);
        return Answer(outcome, store);
    }

    private static async Task<IResult> UpdateAsync(int uid, HttpContext context, IClusterStore store, IDatabaseOperations databases, TimeProvider time, CancellationToken cancellationToken)
    {
        if (store.Current.Bdbs.GetValueOrDefault(uid) is not { } current)
        {
            return NotFound(uid);
        }
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError.ToResult();
        }
        BdbRecord desired;
        using (document)
        {
            if ((BdbRequestReader.ReadUpdate(document.RootElement, current, time.GetUtcNow(), out desired) ?? RolesPermissionsField.CheckReferences(store.Current, desired)) is { } error)
            {
                return error.ToResult();
            }
        }
        var outcome = await databases.UpdateAsync(desired with { Version = current.Version }, cancellationToken).ConfigureAwait(false);
        return Answer(outcome, store);
    }

    private static async Task<IResult> DeleteAsync(int uid, IClusterStore store, IDatabaseOperations databases, CancellationToken cancellationToken)
    {
        if (!store.Current.Bdbs.ContainsKey(uid))
        {
            return NotFound(uid);
        }
        var outcome = await databases.DeleteAsync(uid, cancellationToken).ConfigureAwait(false);
        return Answer(outcome, store);
    }

    private static IResult Answer(OperationOutcome<BdbRecord> outcome, IClusterStore store)
    {
        if (outcome.Error is { } error)
        {
            return OperationResults.ToResult(error);
        }
        return ApiResults.Written(BdbJson.ToDto(outcome.Value!, store.Current, outcome.ActionUid), ApiJsonContext.Default.BdbDto);
    }

    private static ApiJsonResult NotFound(int uid) => ApiResults.NotFound(ErrorCodes.BdbNotFound, $"database {uid} does not exist");
}
