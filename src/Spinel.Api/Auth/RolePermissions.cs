using Spinel.ControlPlane.Store;

namespace Spinel.Api.Auth;

/// <summary>Which management roles grant which <see cref="ApiPermission"/>; finer, per-database RBAC comes later.</summary>
internal static class RolePermissions
{
    public static bool Allows(UserRole role, ApiPermission permission) => permission switch
    {
        ApiPermission.Read => role != UserRole.None,
        ApiPermission.ManageDatabases => role is UserRole.Admin or UserRole.ClusterMember,
        ApiPermission.ManageUsers => role is UserRole.Admin or UserRole.UserManager,
        ApiPermission.ManageCluster => role == UserRole.Admin,
        _ => false,
    };
}
