using Spinel.ControlPlane.Store;

namespace Spinel.Api.Json;

/// <summary>Maps Redis ACL and role records to the Redis Enterprise <c>redis_acl</c> and <c>role</c> objects.</summary>
internal static class RbacJson
{
    public static RedisAclDto ToDto(RedisAclRecord acl) => new() { Uid = acl.Uid, Name = acl.Name, Acl = acl.Acl };

    public static RoleDto ToDto(RoleRecord role) => new() { Uid = role.Uid, Name = role.Name, Management = StoreEnumNames<UserRole>.Name(role.Management) };

    public static IReadOnlyList<RolePermissionDto> ToDto(ValueList<RolePermission> permissions) =>
        [.. permissions.Select(p => new RolePermissionDto(p.RoleUid, p.RedisAclUid))];
}
