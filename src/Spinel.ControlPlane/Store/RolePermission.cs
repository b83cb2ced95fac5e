namespace Spinel.ControlPlane.Store;

/// <summary>One entry of a database's <c>roles_permissions</c>: holders of the role get the Redis ACL at its endpoint.</summary>
public sealed record RolePermission(int RoleUid, int RedisAclUid);
