namespace Spinel.Api.Json;

/// <summary>One entry of a bdb's <c>roles_permissions</c>.</summary>
internal sealed record RolePermissionDto(int RoleUid, int RedisAclUid);
