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
/// <c>/v1/roles</c>: roles users hold (<c>role_uids</c>), each with a management role for the REST API and, per
/// database, a Redis ACL (<c>roles_permissions</c>). Changes are one <see cref="PutRole"/> or <see cref="DeleteRole"/>
/// guarded by the version read.
/// </summary>
internal static class RoleEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/roles", List).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPost("/roles", CreateAsync).WithMetadata(ApiEndpointPolicy.UserWrite);
        v1.MapGet("/roles/{uid:int}", Get).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPut("/roles/{uid:int}", UpdateAsync).WithMetadata(ApiEndpointPolicy.UserWrite);
        v1.MapDelete("/roles/{uid:int}", DeleteAsync).WithMetadata(ApiEndpointPolicy.UserWrite);
    }

    private static IResult List(IClusterStore store) =>
        ApiResults.List([.. store.Current.Roles.Values.Select(RbacJson.ToDto)], ApiJsonContext.Default.IReadOnlyListRoleDto);

    private static IResult Get(int uid, IClusterStore store) =>
        store.Current.Roles.GetValueOrDefault(uid) is { } role ? ApiResults.Object(RbacJson.ToDto(role), ApiJsonContext.Default.RoleDto) : NotFound(uid);

    private static async Task<IResult> CreateAsync(HttpContext context, IClusterStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (ReadRequest(context, out var request) is { } error)
        {
            return error.ToResult();
        }
        if (request.Name is null || request.Management is not { } management)
        {
            return RequestError.Parameter(request.Name is null ? "name is required" : "management is required").ToResult();
        }
        if ((ForbiddenForCaller(context, store.Current, null, management) ?? Duplicate(store.Current, request.Name, exceptUid: 0)) is { } refused)
        {
            return refused;
        }
        var result = await store.ProposeAsync(new PutRole { Role = new RoleRecord { Name = request.Name, Management = management }, ExpectedVersion = 0 },
            cancellationToken).ConfigureAwait(false);
        if (OperationResults.ToResult(result, ErrorCodes.RoleExists, ErrorCodes.LastAdmin) is { } failure)
        {
            return failure;
        }
        var stored = result.State!.Roles[result.AssignedUids[0]];
        RbacLog.Changed(loggers, "role", "created", stored.Uid, stored.Name);
        return ApiResults.Written(RbacJson.ToDto(stored), ApiJsonContext.Default.RoleDto);
    }

    private static async Task<IResult> UpdateAsync(int uid, HttpContext context, IClusterStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var state = store.Current;
        if (state.Roles.GetValueOrDefault(uid) is not { } current)
        {
            return NotFound(uid);
        }
        if (ReadRequest(context, out var request) is { } error)
        {
            return error.ToResult();
        }
        var desired = current with { Name = request.Name ?? current.Name, Management = request.Management ?? current.Management };
        if ((ForbiddenForCaller(context, state, current, desired.Management) ?? Duplicate(state, desired.Name, uid)) is { } refused)
        {
            return refused;
        }
        var result = await store.ProposeAsync(new PutRole { Role = desired, ExpectedVersion = current.Version }, cancellationToken).ConfigureAwait(false);
        if (OperationResults.ToResult(result, ErrorCodes.RoleExists, ErrorCodes.LastAdmin) is { } failure)
        {
            return failure;
        }
        RbacLog.Changed(loggers, "role", "changed", uid, desired.Name);
        return ApiResults.Written(RbacJson.ToDto(result.State!.Roles[uid]), ApiJsonContext.Default.RoleDto);
    }

    private static async Task<IResult> DeleteAsync(int uid, HttpContext context, IClusterStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var state = store.Current;
        if (state.Roles.GetValueOrDefault(uid) is not { } current)
        {
            return NotFound(uid);
        }
        if ((ForbiddenForCaller(context, state, current, current.Management) ?? InUse(state, uid)) is { } refused)
        {
            return refused;
        }
        var result = await store.ProposeAsync(new DeleteRole { Uid = uid, ExpectedVersion = current.Version }, cancellationToken).ConfigureAwait(false);
        if (OperationResults.ToResult(result, ErrorCodes.RoleExists, ErrorCodes.InUse, StatusCodes.Status409Conflict) is { } failure)
        {
            return failure;
        }
        RbacLog.Changed(loggers, "role", "deleted", uid, current.Name);
        return ApiResults.EmptyObject();
    }

    private static RequestError? ReadRequest(HttpContext context, out RoleRequest request)
    {
        request = new RoleRequest(null, null);
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError;
        }
        using (document)
        {
            return RbacRequestReader.ReadRole(document.RootElement, out request);
        }
    }

    /// <summary>As for users: a user manager may neither create, change nor delete a role that grants admin.</summary>
    private static IResult? ForbiddenForCaller(HttpContext context, ClusterState state, RoleRecord? current, UserRole management)
    {
        if (context.GetApiUser() is not { } caller || state.IsAdmin(caller) || (management != UserRole.Admin && current?.Management != UserRole.Admin))
        {
            return null;
        }
        return ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.InsufficientPermissions, "a user_manager may not manage roles that grant admin");
    }

    private static IResult? InUse(ClusterState state, int uid)
    {
        if (state.Users.Values.FirstOrDefault(u => u.RoleUids.Contains(uid)) is { } user)
        {
            return ApiResults.Error(StatusCodes.Status409Conflict, ErrorCodes.InUse, $"role {uid} is held by user {user.Uid} ({user.Name})");
        }
        return state.Bdbs.Values.FirstOrDefault(b => b.RolesPermissions.Any(p => p.RoleUid == uid)) is { } bdb
            ? ApiResults.Error(StatusCodes.Status409Conflict, ErrorCodes.InUse, $"role {uid} is bound to a redis_acl by database {bdb.Uid} ({bdb.Name})")
            : null;
    }

    private static IResult? Duplicate(ClusterState state, string name, int exceptUid) =>
        state.Roles.Values.Any(r => r.Uid != exceptUid && string.Equals(r.Name, name, StringComparison.OrdinalIgnoreCase))
            ? ApiResults.Error(StatusCodes.Status409Conflict, ErrorCodes.RoleExists, $"a role named '{name}' already exists")
            : null;

    private static ApiJsonResult NotFound(int uid) => ApiResults.NotFound(ErrorCodes.RoleNotFound, $"role {uid} does not exist");
}
