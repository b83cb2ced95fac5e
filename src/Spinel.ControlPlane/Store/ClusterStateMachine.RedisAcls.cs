using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Store;

public static partial class ClusterStateMachine
{
    private static CommandResult ApplyPutRedisAcl(ClusterState state, PutRedisAcl command)
    {
        var acl = command.RedisAcl;
        if (acl.Uid < 0)
        {
            return Reject(state, RejectionCode.Invalid, $"redis_acl uid {acl.Uid} is negative");
        }
        if (acl.Uid == RedisAclRecord.FullAccessUid)
        {
            return Reject(state, RejectionCode.Invalid, $"redis_acl {acl.Uid} ({RedisAclRecord.FullAccess.Name}) is predefined and cannot be changed");
        }
        var uid = acl.Uid == 0 ? state.NextRedisAclUid : acl.Uid;
        var current = acl.Uid == 0 ? null : state.RedisAcls.GetValueOrDefault(uid);
        if ((CheckVersion($"redis_acl {uid}", current?.Version, command.ExpectedVersion) ?? ValidateRedisAcl(state, acl, uid)) is { } rejection)
        {
            return Reject(state, rejection);
        }
        return Accept(state with
        {
            RedisAcls = state.RedisAcls.SetItem(uid, acl with { Uid = uid, Version = (current?.Version ?? 0) + 1 }),
            NextRedisAclUid = Math.Max(state.NextRedisAclUid, uid + 1),
        }, current is null ? [uid] : default);
    }

    private static CommandResult ApplyDeleteRedisAcl(ClusterState state, DeleteRedisAcl command)
    {
        var current = state.RedisAcls.GetValueOrDefault(command.Uid);
        if (CheckVersion($"redis_acl {command.Uid}", current?.Version, command.ExpectedVersion) is { } rejection)
        {
            return Reject(state, rejection);
        }
        if (current is null)
        {
            return Reject(state, RejectionCode.NotFound, $"redis_acl {command.Uid} does not exist");
        }
        if (command.Uid == RedisAclRecord.FullAccessUid)
        {
            return Reject(state, RejectionCode.Invalid, $"redis_acl {command.Uid} ({current.Name}) is predefined and cannot be deleted");
        }
        if (state.Bdbs.Values.FirstOrDefault(b => b.RolesPermissions.Any(p => p.RedisAclUid == command.Uid)) is { } bdb)
        {
            return Reject(state, RejectionCode.InUse, $"redis_acl {command.Uid} is bound to roles by bdb {bdb.Uid}");
        }
        return Accept(state with { RedisAcls = state.RedisAcls.Remove(command.Uid) });
    }

    private static CommandRejection? ValidateRedisAcl(ClusterState state, RedisAclRecord acl, int uid)
    {
        if (string.IsNullOrWhiteSpace(acl.Name))
        {
            return new(RejectionCode.Invalid, "redis_acl name is empty");
        }
        if (string.IsNullOrWhiteSpace(acl.Acl))
        {
            return new(RejectionCode.Invalid, $"redis_acl {acl.Name} has no rules");
        }
        if (state.RedisAcls.Values.FirstOrDefault(a => a.Uid != uid && string.Equals(a.Name, acl.Name, StringComparison.OrdinalIgnoreCase)) is { } other)
        {
            return new(RejectionCode.AlreadyExists, $"redis_acl {other.Uid} is already named {acl.Name}");
        }
        return null;
    }
}
