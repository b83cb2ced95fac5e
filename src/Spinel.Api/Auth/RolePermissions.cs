using Spinel.ControlPlane.Store;

namespace Spinel.Api.Auth;

/// <summary>
/// Which management roles grant which <see cref="ApiPermission"/>, as Redis Enterprise's role table has them (e.g.
/// <c>create_bdb</c>: admin, cluster_member, db_member); roles scoped to some databases come later.
/// </summary>
internal static class RolePermissions
{
    /// <summary>Whether one of <paramref name="roles"/> (a user's legacy role and those of its roles) allows <paramref name="permission"/>.</summary>
    public static bool Allows(IEnumerable<UserRole> roles, ApiPermission permission) => roles.Any(r => Allows(r, permission));

    public static bool Allows(UserRole role, ApiPermission permission) => permission switch
    {
        ApiPermission.Read => role != UserRole.None,
        ApiPermission.ManageDatabases => role is UserRole.Admin or UserRole.ClusterMember or UserRole.DbMember,
        ApiPermission.ManageUsers => role is UserRole.Admin or UserRole.UserManager,
        ApiPermission.ManageCluster => role == UserRole.Admin,
        _ => false,
    };
}
