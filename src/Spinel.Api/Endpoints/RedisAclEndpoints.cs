using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Endpoints;

/// <summary>
/// <c>/v1/redis_acls</c>: named Redis ACL rules that databases bind to roles (<c>roles_permissions</c>). Changes are
/// one <see cref="PutRedisAcl"/> or <see cref="DeleteRedisAcl"/> guarded by the version read; Full Access is immutable.
/// </summary>
internal static class RedisAclEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/redis_acls", List).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPost("/redis_acls", CreateAsync).WithMetadata(ApiEndpointPolicy.UserWrite);
        v1.MapGet("/redis_acls/{uid:int}", Get).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPut("/redis_acls/{uid:int}", UpdateAsync).WithMetadata(ApiEndpointPolicy.UserWrite);
        v1.MapDelete("/redis_acls/{uid:int}", DeleteAsync).WithMetadata(ApiEndpointPolicy.UserWrite);
    }

    private static IResult List(IClusterStore store) =>
        ApiResults.List([.. store.Current.RedisAcls.Values.Select(RbacJson.ToDto)], ApiJsonContext.Default.IReadOnlyListRedisAclDto);

    private static IResult Get(int uid, IClusterStore store) =>
        store.Current.RedisAcls.GetValueOrDefault(uid) is { } acl ? ApiResults.Object(RbacJson.ToDto(acl), ApiJsonContext.Default.RedisAclDto) : NotFound(uid);

    private static async Task<IResult> CreateAsync(HttpContext context, IClusterStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (ReadRequest(context, out var request) is { } error)
        {
            return error.ToResult();
        }
        if (request.Name is null || request.Acl is null)
        {
            return RequestError.Parameter(request.Name is null ? "name is required" : "acl is required").ToResult();
        }
        if (Duplicate(store.Current, request.Name, exceptUid: 0) is { } duplicate)
        {
            return duplicate;
        }
        var result = await store.ProposeAsync(new PutRedisAcl { RedisAcl = new RedisAclRecord { Name = request.Name, Acl = request.Acl }, ExpectedVersion = 0 },
            cancellationToken).ConfigureAwait(false);
        if (OperationResults.ToResult(result, ErrorCodes.RedisAclExists, ErrorCodes.InUse, StatusCodes.Status409Conflict) is { } failure)
        {
            return failure;
        }
        var stored = result.State!.RedisAcls[result.AssignedUids[0]];
        RbacLog.Changed(loggers, "redis_acl", "created", stored.Uid, stored.Name);
        return ApiResults.Written(RbacJson.ToDto(stored), ApiJsonContext.Default.RedisAclDto);
    }

    private static async Task<IResult> UpdateAsync(int uid, HttpContext context, IClusterStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var state = store.Current;
        if (state.RedisAcls.GetValueOrDefault(uid) is not { } current)
        {
            return NotFound(uid);
        }
        if (ReadRequest(context, out var request) is { } error)
        {
            return error.ToResult();
        }
        if ((Immutable(uid, "changed") ?? Duplicate(state, request.Name ?? current.Name, uid)) is { } refused)
        {
            return refused;
        }
        var desired = current with { Name = request.Name ?? current.Name, Acl = request.Acl ?? current.Acl };
        var result = await store.ProposeAsync(new PutRedisAcl { RedisAcl = desired, ExpectedVersion = current.Version }, cancellationToken).ConfigureAwait(false);
        if (OperationResults.ToResult(result, ErrorCodes.RedisAclExists, ErrorCodes.InUse, StatusCodes.Status409Conflict) is { } failure)
        {
            return failure;
        }
        RbacLog.Changed(loggers, "redis_acl", "changed", uid, desired.Name);
        return ApiResults.Written(RbacJson.ToDto(result.State!.RedisAcls[uid]), ApiJsonContext.Default.RedisAclDto);
    }

    private static async Task<IResult> DeleteAsync(int uid, IClusterStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var state = store.Current;
        if (state.RedisAcls.GetValueOrDefault(uid) is not { } current)
        {
            return NotFound(uid);
        }
        if (Immutable(uid, "deleted") is { } immutable)
        {
            return immutable;
        }
        if (state.Bdbs.Values.FirstOrDefault(b => b.RolesPermissions.Any(p => p.RedisAclUid == uid)) is { } bdb)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, ErrorCodes.InUse, $"redis_acl {uid} is bound to a role by database {bdb.Uid} ({bdb.Name})");
        }
        var result = await store.ProposeAsync(new DeleteRedisAcl { Uid = uid, ExpectedVersion = current.Version }, cancellationToken).ConfigureAwait(false);
        if (OperationResults.ToResult(result, ErrorCodes.RedisAclExists, ErrorCodes.InUse, StatusCodes.Status409Conflict) is { } failure)
        {
            return failure;
        }
        RbacLog.Changed(loggers, "redis_acl", "deleted", uid, current.Name);
        return ApiResults.EmptyObject();
    }

    private static RequestError? ReadRequest(HttpContext context, out RedisAclRequest request)
    {
        request = new RedisAclRequest(null, null);
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError;
        }
        using (document)
        {
            return RbacRequestReader.ReadRedisAcl(document.RootElement, out request);
        }
    }

    private static IResult? Immutable(int uid, string change) => uid == RedisAclRecord.FullAccessUid
        ? ApiResults.NotAcceptable(ErrorCodes.RedisAclImmutable, $"redis_acl {uid} ({RedisAclRecord.FullAccess.Name}) is predefined and cannot be {change}")
        : null;

    private static IResult? Duplicate(ClusterState state, string name, int exceptUid) =>
        state.RedisAcls.Values.Any(a => a.Uid != exceptUid && string.Equals(a.Name, name, StringComparison.OrdinalIgnoreCase))
            ? ApiResults.Error(StatusCodes.Status409Conflict, ErrorCodes.RedisAclExists, $"a redis_acl named '{name}' already exists")
            : null;

    private static ApiJsonResult NotFound(int uid) => ApiResults.NotFound(ErrorCodes.RedisAclNotFound, $"redis_acl {uid} does not exist");
}
