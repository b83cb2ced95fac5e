using System.Text.Json;
using Spinel.Api.Http;
using Spinel.ControlPlane.Store;

namespace Spinel.Api.Validation;

/// <summary>The <c>roles_permissions</c> field of a bdb: <c>[{"role_uid": n, "redis_acl_uid": m}, ...]</c>, each role once.</summary>
internal static class RolesPermissionsField
{
    private const int MaxEntries = 1024;

    public static RequestError? Set(string field, JsonElement value, ref BdbRecord bdb)
    {
        if (value.ValueKind != JsonValueKind.Array || value.GetArrayLength() > MaxEntries)
        {
            return JsonFields.WrongType(field, $"an array of at most {MaxEntries} {{\"role_uid\": ..., \"redis_acl_uid\": ...}} objects", value);
        }
        var permissions = new List<RolePermission>();
        foreach (var entry in value.EnumerateArray())
        {
            var name = $"{field}[{permissions.Count}]";
            if (entry.ValueKind != JsonValueKind.Object)
            {
                return JsonFields.WrongType(name, "an object", entry);
            }
            foreach (var property in entry.EnumerateObject())
            {
                if (property.Name is not ("role_uid" or "redis_acl_uid"))
                {
                    return JsonFields.UnknownField($"{name}.{property.Name}");
                }
            }
            if (!entry.TryGetProperty("role_uid", out var roleValue) || !entry.TryGetProperty("redis_acl_uid", out var aclValue))
            {
                return RequestError.Parameter($"{name} needs both role_uid and redis_acl_uid");
            }
            if (JsonFields.ReadUid($"{name}.role_uid", roleValue, out var roleUid) is { } roleError)
            {
                return roleError;
            }
            if (JsonFields.ReadUid($"{name}.redis_acl_uid", aclValue, out var aclUid) is { } aclError)
            {
                return aclError;
            }
            if (permissions.Any(p => p.RoleUid == roleUid))
            {
                return RequestError.Parameter($"{name}.role_uid {roleUid} is bound more than once");
            }
            permissions.Add(new RolePermission(roleUid, aclUid));
        }
        bdb = bdb with { RolesPermissions = [.. permissions] };
        return null;
    }

    /// <summary>404 when an entry names a role or ACL that does not exist in <paramref name="state"/>.</summary>
    public static RequestError? CheckReferences(ClusterState state, BdbRecord bdb)
    {
        foreach (var permission in bdb.RolesPermissions)
        {
            if (!state.Roles.ContainsKey(permission.RoleUid))
            {
                return RequestError.NotFound(ErrorCodes.RoleNotFound, $"roles_permissions names role {permission.RoleUid}, which does not exist");
            }
            if (!state.RedisAcls.ContainsKey(permission.RedisAclUid))
            {
                return RequestError.NotFound(ErrorCodes.RedisAclNotFound, $"roles_permissions names redis_acl {permission.RedisAclUid}, which does not exist");
            }
        }
        return null;
    }
}
