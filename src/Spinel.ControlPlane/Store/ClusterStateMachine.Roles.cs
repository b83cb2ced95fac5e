using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Store;

public static partial class ClusterStateMachine
{
    private static CommandResult ApplyPutRole(ClusterState state, PutRole command)
    {
        var role = command.Role;
        if (role.Uid < 0)
        {
            return Reject(state, RejectionCode.Invalid, $"role uid {role.Uid} is negative");
        }
        var uid = role.Uid == 0 ? state.NextRoleUid : role.Uid;
        var current = role.Uid == 0 ? null : state.Roles.GetValueOrDefault(uid);
        if ((CheckVersion($"role {uid}", current?.Version, command.ExpectedVersion) ?? ValidateRole(state, role, uid)) is { } rejection)
        {
            return Reject(state, rejection);
        }
        var next = state with
        {
            Roles = state.Roles.SetItem(uid, role with { Uid = uid, Version = (current?.Version ?? 0) + 1 }),
            NextRoleUid = Math.Max(state.NextRoleUid, uid + 1),
        };
        if (current?.Management == UserRole.Admin && role.Management != UserRole.Admin && HasAdmin(state) && !HasAdmin(next))
        {
            return Reject(state, RejectionCode.InUse, $"role {uid} makes the last admin one");
        }
        return Accept(next, current is null ? [uid] : default);
    }

    private static CommandResult ApplyDeleteRole(ClusterState state, DeleteRole command)
    {
        var current = state.Roles.GetValueOrDefault(command.Uid);
        if (CheckVersion($"role {command.Uid}", current?.Version, command.ExpectedVersion) is { } rejection)
        {
            return Reject(state, rejection);
        }
        if (current is null)
        {
            return Reject(state, RejectionCode.NotFound, $"role {command.Uid} does not exist");
        }
        if (state.Users.Values.FirstOrDefault(u => u.RoleUids.Contains(command.Uid)) is { } user)
        {
            return Reject(state, RejectionCode.InUse, $"role {command.Uid} is held by user {user.Uid}");
        }
        if (state.Bdbs.Values.FirstOrDefault(b => b.RolesPermissions.Any(p => p.RoleUid == command.Uid)) is { } bdb)
        {
            return Reject(state, RejectionCode.InUse, $"role {command.Uid} is bound to a redis_acl by bdb {bdb.Uid}");
        }
        return Accept(state with { Roles = state.Roles.Remove(command.Uid) });
    }

    private static CommandRejection? ValidateRole(ClusterState state, RoleRecord role, int uid)
    {
        if (string.IsNullOrWhiteSpace(role.Name))
        {
            return new(RejectionCode.Invalid, "role name is empty");
        }
        if (state.Roles.Values.FirstOrDefault(r => r.Uid != uid && string.Equals(r.Name, role.Name, StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            return new(RejectionCode.AlreadyExists, $"role {other.Uid} is already named {role.Name}");
        }
        return null;
    }

    /// <summary>Every role and ACL that <paramref name="bdb"/>'s <c>roles_permissions</c> names exists, and no role is named twice.</summary>
    private static CommandRejection? ValidateRolesPermissions(ClusterState state, BdbRecord bdb)
    {
        var seen = new HashSet<int>();
        foreach (var permission in bdb.RolesPermissions)
        {
            if (!state.Roles.ContainsKey(permission.RoleUid))
            {
                return new(RejectionCode.NotFound, $"role {permission.RoleUid} of bdb {bdb.Name} does not exist");
            }
            if (!state.RedisAcls.ContainsKey(permission.RedisAclUid))
            {
                return new(RejectionCode.NotFound, $"redis_acl {permission.RedisAclUid} of bdb {bdb.Name} does not exist");
            }
            if (!seen.Add(permission.RoleUid))
            {
                return new(RejectionCode.Invalid, $"bdb {bdb.Name} binds role {permission.RoleUid} more than once");
            }
        }
        return null;
    }
}
