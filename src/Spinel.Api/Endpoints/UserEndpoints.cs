using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using Spinel.Api.Auth;
using Spinel.Api.Http;
using Spinel.Api.Json;
using Spinel.Api.Pipeline;
using Spinel.Api.Validation;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;
using Spinel.ControlPlane.Store.Commands;

namespace Spinel.Api.Endpoints;

/// <summary>
/// <c>/v1/users</c>: REST users. Changes are synchronous: one <see cref="PutUser"/> or <see cref="DeleteUser"/> through
/// the store, guarded by the version read, so a concurrent change gets 409 instead of being overwritten.
/// </summary>
internal static partial class UserEndpoints
{
    public static void Map(RouteGroupBuilder v1)
    {
        v1.MapGet("/users", List).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPost("/users", CreateAsync).WithMetadata(ApiEndpointPolicy.UserWrite);
        v1.MapGet("/users/{uid:int}", Get).WithMetadata(ApiEndpointPolicy.Read);
        v1.MapPut("/users/{uid:int}", UpdateAsync).WithMetadata(ApiEndpointPolicy.UserWrite);
        v1.MapDelete("/users/{uid:int}", DeleteAsync).WithMetadata(ApiEndpointPolicy.UserWrite);
    }

    private static IResult List(IClusterStore store) =>
        ApiResults.List([.. store.Current.Users.Values.Select(UserJson.ToDto)], ApiJsonContext.Default.IReadOnlyListUserDto);

    private static IResult Get(int uid, IClusterStore store) =>
        store.Current.Users.GetValueOrDefault(uid) is { } user
            ? ApiResults.Object(UserJson.ToDto(user), ApiJsonContext.Default.UserDto)
            : NotFound(uid);

    private static async Task<IResult> CreateAsync(HttpContext context, IClusterStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        if (ReadRequest(context, out var request) is { } error)
        {
            return error.ToResult();
        }
        if (request.Name is null || request.Password is null)
        {
            return RequestError.Parameter(request.Name is null ? "name is required" : "password is required").ToResult();
        }
        // A user given roles gets its management from them unless a legacy role is given too.
        var role = request.Role ?? (request.RoleUids is { Count: > 0 } ? UserRole.None : UserRole.DbViewer);
        var roleUids = (request.RoleUids ?? []).ToValueList();
        var state = store.Current;
        if ((MissingRole(state, roleUids) ?? ForbiddenForCaller(context, state, target: null, role, roleUids) ?? Duplicate(state, request.Name, request.Email ?? "", exceptUid: 0)) is { } refused)
        {
            return refused;
        }
        var user = new UserRecord
        {
            Name = request.Name,
            Email = request.Email ?? "",
            Role = role,
            RoleUids = roleUids,
            PasswordHash = PasswordHashing.Hash(request.Password),
            RedisPasswordDigests = [RedisPasswordDigest.Of(request.Password)],
        };
        var result = await store.ProposeAsync(new PutUser { User = user, ExpectedVersion = 0 }, cancellationToken).ConfigureAwait(false);
        if (OperationResults.ToResult(result, ErrorCodes.UserExists, ErrorCodes.LastAdmin) is { } failure)
        {
            return failure;
        }
        var stored = result.State!.Users[result.AssignedUids[0]];
        Log.UserChanged(Logger(loggers), "created", stored.Uid, stored.Name);
        return ApiResults.Written(UserJson.ToDto(stored), ApiJsonContext.Default.UserDto);
    }

    private static async Task<IResult> UpdateAsync(int uid, HttpContext context, IClusterStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var state = store.Current;
        if (state.Users.GetValueOrDefault(uid) is not { } current)
        {
            return NotFound(uid);
        }
        if (ReadRequest(context, out var request) is { } error)
        {
            return error.ToResult();
        }
        var (name, email, role) = (request.Name ?? current.Name, request.Email ?? current.Email, request.Role ?? current.Role);
        var roleUids = request.RoleUids?.ToValueList() ?? current.RoleUids;
        if ((MissingRole(state, roleUids) ?? ForbiddenForCaller(context, state, current, role, roleUids) ?? Duplicate(state, name, email, uid)) is { } refused)
        {
            return refused;
        }
        var desired = current with
        {
            Name = name,
            Email = email,
            Role = role,
            RoleUids = roleUids,
            PasswordHash = request.Password is { } password ? PasswordHashing.Hash(password) : current.PasswordHash,
            RedisPasswordDigests = request.Password is { } clear ? [RedisPasswordDigest.Of(clear)] : current.RedisPasswordDigests,
        };
        var result = await store.ProposeAsync(new PutUser { User = desired, ExpectedVersion = current.Version }, cancellationToken).ConfigureAwait(false);
        if (OperationResults.ToResult(result, ErrorCodes.UserExists, ErrorCodes.LastAdmin) is { } failure)
        {
            return failure;
        }
        Log.UserChanged(Logger(loggers), "changed", uid, desired.Name);
        return ApiResults.Written(UserJson.ToDto(result.State!.Users[uid]), ApiJsonContext.Default.UserDto);
    }

    private static async Task<IResult> DeleteAsync(int uid, HttpContext context, IClusterStore store, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        var state = store.Current;
        if (state.Users.GetValueOrDefault(uid) is not { } current)
        {
            return NotFound(uid);
        }
        if (ForbiddenForCaller(context, state, current, current.Role, current.RoleUids) is { } forbidden)
        {
            return forbidden;
        }
        if (state.IsAdmin(current) && state.Users.Values.Count(state.IsAdmin) == 1)
        {
            return ApiResults.NotAcceptable(ErrorCodes.LastAdmin, $"user {uid} is the last admin and cannot be deleted");
        }
        var result = await store.ProposeAsync(new DeleteUser { Uid = uid, ExpectedVersion = current.Version }, cancellationToken).ConfigureAwait(false);
        if (OperationResults.ToResult(result, ErrorCodes.UserExists, ErrorCodes.LastAdmin) is { } failure)
        {
            return failure;
        }
        Log.UserChanged(Logger(loggers), "deleted", uid, current.Name);
        return ApiResults.EmptyObject();
    }

    private static RequestError? ReadRequest(HttpContext context, out UserRequest request)
    {
        request = new UserRequest(null, null, null, null);
        if (!JsonBody.TryParseObject(context, out var document, out var parseError))
        {
            return parseError;
        }
        using (document)
        {
            return UserRequestReader.Read(document.RootElement, out request);
        }
    }

    /// <summary>
    /// A user manager manages users, but neither admins nor the admin role, legacy or through a role (Redis Enterprise's
    /// rule). Only admins and user managers get here, so a caller that is no admin is a user manager.
    /// </summary>
    private static IResult? ForbiddenForCaller(HttpContext context, ClusterState state, UserRecord? target, UserRole role, ValueList<int> roleUids)
    {
        var grantsAdmin = role == UserRole.Admin || roleUids.Any(r => state.Roles.GetValueOrDefault(r)?.Management == UserRole.Admin);
        if (context.GetApiUser() is not { } caller || state.IsAdmin(caller) || (!grantsAdmin && (target is null || !state.IsAdmin(target))))
        {
            return null;
        }
        return ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.InsufficientPermissions, "a user_manager may not manage admin users or grant the admin role");
    }

    private static IResult? MissingRole(ClusterState state, ValueList<int> roleUids) =>
        roleUids.Where(r => !state.Roles.ContainsKey(r)).Select(r => (int?)r).FirstOrDefault() is { } missing
            ? ApiResults.NotFound(ErrorCodes.RoleNotFound, $"role_uids names role {missing}, which does not exist")
            : null;

    private static IResult? Duplicate(ClusterState state, string name, string email, int exceptUid)
    {
        foreach (var other in state.Users.Values.Where(u => u.Uid != exceptUid))
        {
            if (string.Equals(other.Name, name, StringComparison.OrdinalIgnoreCase))
            {
                return ApiResults.Error(StatusCodes.Status409Conflict, ErrorCodes.UserExists, $"a user named '{name}' already exists");
            }
            if (email.Length > 0 && string.Equals(other.Email, email, StringComparison.OrdinalIgnoreCase))
            {
                return ApiResults.Error(StatusCodes.Status409Conflict, ErrorCodes.UserExists, $"a user with e-mail '{email}' already exists");
            }
        }
        return null;
    }

    private static ApiJsonResult NotFound(int uid) => ApiResults.NotFound(ErrorCodes.UserNotFound, $"user {uid} does not exist");

    private static ILogger Logger(ILoggerFactory loggers) => loggers.CreateLogger(typeof(UserEndpoints).FullName!);

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.UserChanged, Level = LogLevel.Information, Message = "User {Uid} ({Name}) {Change}")]
        public static partial void UserChanged(ILogger logger, string change, int uid, string name);
    }
}
