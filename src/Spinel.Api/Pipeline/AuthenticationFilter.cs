using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using Spinel.Api.Auth;
using Spinel.Api.Http;
using Spinel.ControlPlane;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Pipeline;

/// <summary>HTTP Basic against the store's users (401), then the endpoint's permission against the user's role (403).</summary>
internal sealed partial class AuthenticationFilter(IClusterStore store, UserAuthenticator authenticator, ILogger<AuthenticationFilter> logger) : IEndpointFilter
{
    public ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var http = context.HttpContext;
        var policy = http.GetApiPolicy();
        if (policy.IsBootstrap && !store.Current.IsCreated)
        {
            return next(context);
        }
        var result = authenticator.Authenticate(http.Request.Headers.Authorization.FirstOrDefault());
        if (result.User is not { } user)
        {
            Log.AuthenticationFailed(logger, http.Request.Method, http.Request.Path, result.Failure ?? "");
            return ValueTask.FromResult<object?>(ApiResults.Unauthorized(result.Failure ?? "authentication failed"));
        }
        var roles = store.Current.ManagementRolesOf(user).ToList();
        if (!RolePermissions.Allows(roles, policy.Permission))
        {
            return ValueTask.FromResult<object?>(ApiResults.Error(StatusCodes.Status403Forbidden, ErrorCodes.InsufficientPermissions,
                $"role {string.Join(", ", roles.Select(Json.StoreEnumNames<UserRole>.Name))} may not {Describe(policy.Permission)}"));
        }
        http.SetApiUser(user);
        return next(context);
    }

    private static string Describe(ApiPermission permission) => permission switch
    {
        ApiPermission.Read => "read the cluster",
        ApiPermission.ManageDatabases => "create, change or delete databases",
        ApiPermission.ManageUsers => "manage users, roles or Redis ACLs",
        _ => "change the cluster",
    };

    private static partial class Log
    {
        [LoggerMessage(EventId = EventIds.AuthenticationFailed, Level = LogLevel.Debug, Message = "{Method} {Path}: authentication failed: {Reason}")]
        public static partial void AuthenticationFailed(ILogger logger, string method, PathString path, string reason);
    }
}
