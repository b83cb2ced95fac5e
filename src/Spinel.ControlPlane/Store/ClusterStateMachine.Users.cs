using Spinel.ControlPlane.Store.Commands;

namespace Spinel.ControlPlane.Store;

public static partial class ClusterStateMachine
{
    private static CommandResult ApplyPutUser(ClusterState state, PutUser command)
    {
        var user = command.User;
        if (user.Uid < 0)
        {
            return Reject(state, RejectionCode.Invalid, $"user uid {user.Uid} is negative");
        }
        var uid = user.Uid == 0 ? state.NextUserUid : user.Uid;
        var current = user.Uid == 0 ? null : state.Users.GetValueOrDefault(uid);
        if ((CheckVersion($"user {uid}", current?.Version, command.ExpectedVersion) ?? ValidateUser(state, user, uid)) is { } rejection)
        {
            return Reject(state, rejection);
        }
        var stored = user with { Uid = uid, Version = (current?.Version ?? 0) + 1 };
        var next = state with { Users = state.Users.SetItem(uid, stored), NextUserUid = Math.Max(state.NextUserUid, uid + 1) };
        if (current is not null && state.IsAdmin(current) && !next.IsAdmin(stored) && !HasAdmin(next))
        {
            return Reject(state, RejectionCode.InUse, $"user {uid} is the last admin");
        }
        return Accept(next, current is null ? [uid] : default);
    }

    private static CommandResult ApplyDeleteUser(ClusterState state, DeleteUser command)
    {
        var current = state.Users.GetValueOrDefault(command.Uid);
        if (CheckVersion($"user {command.Uid}", current?.Version, command.ExpectedVersion) is { } rejection)
        {
            return Reject(state, rejection);
        }
        if (current is null)
        {
            return Reject(state, RejectionCode.NotFound, $"user {command.Uid} does not exist");
        }
        var next = state with { Users = state.Users.Remove(command.Uid) };
        if (state.IsAdmin(current) && !HasAdmin(next))
        {
            return Reject(state, RejectionCode.InUse, $"user {command.Uid} is the last admin");
        }
        return Accept(next);
    }

    private static bool HasAdmin(ClusterState state) => state.Users.Values.Any(state.IsAdmin);

    private static CommandRejection? ValidateUser(ClusterState state, UserRecord user, int uid)
    {
        if (string.IsNullOrWhiteSpace(user.Name))
        {
            return new(RejectionCode.Invalid, "user name is empty");
        }
        if (string.IsNullOrEmpty(user.PasswordHash))
        {
            return new(RejectionCode.Invalid, $"user {user.Name} has no password hash");
        }
        foreach (var roleUid in user.RoleUids)
        {
            if (!state.Roles.ContainsKey(roleUid))
            {
                return new(RejectionCode.NotFound, $"role {roleUid} of user {user.Name} does not exist");
            }
        }
        foreach (var other in state.Users.Values)
        {
            if (other.Uid == uid)
            {
                continue;
            }
            if (string.Equals(other.Name, user.Name, StringComparison.OrdinalIgnoreCase))
            {
                return new(RejectionCode.AlreadyExists, $"user {other.Uid} is already named {user.Name}");
            }
            if (user.Email.Length > 0 && string.Equals(other.Email, user.Email, StringComparison.OrdinalIgnoreCase))
            {
                return new(RejectionCode.AlreadyExists, $"user {other.Uid} already has e-mail {user.Email}");
            }
        }
        return null;
    }
}
