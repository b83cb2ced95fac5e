using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Spinel.Proxy.Auth;
using Spinel.Resp.Acl;
using Spinel.Resp.Commands;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

/// <summary>
/// Redis ACL users at the endpoint: who the session is signed in as, the check of every command against that user's
/// rules, and the read-only ACL subcommands (WHOAMI, USERS, GETUSER, LIST, CAT). The default user has every permission,
/// so its sessions skip the check entirely.
/// </summary>
internal sealed partial class ClientSession
{
    /// <summary>The ACL user signed in; null for the default user.</summary>
    private EndpointUser? _user;

    /// <summary>The compiled users <see cref="_user"/> came from; a newer set means the user's rules may have changed.</summary>
    private EndpointUsers? _usersSeen;

    private string UserName => _user?.Name ?? "default";

    private void SignIn(EndpointUser? user, ReadOnlySpan<byte> password)
    {
        _authenticated = true;
        _user = user;
        // Kept only for an ACL user: its scripts sign in as it on the shard.
        _password = user is null ? null : password.ToArray();
        _usersSeen = _database.Table.Users;
    }

    /// <summary>
    /// Whether the signed-in ACL user may run the request; replies redis's NOPERM error when not. Rules changed by the
    /// control plane apply from the next command on, as ACL SETUSER does in redis; a user that is gone signs the
    /// session out.
    /// </summary>
    private bool AclAllows(CommandInfo info, EndpointUser user)
    {
        var users = _database.Table.Users;
        if (!ReferenceEquals(users, _usersSeen))
        {
            _usersSeen = users;
            if (!users.TryGet(user.Name, out var current))
            {
                Log.AclUserGone(_logger, Id, user.Name, _database.Table.Database.Uid);
                _user = null;
                _password = null;
                _authenticated = !_database.Table.Database.RequiresAuth;
                ReplyError("NOAUTH Authentication required.");
                return false;
            }
            _user = user = current;
        }
        if (user.Rules.Check(info, _request) is not { } denial)
        {
            return true;
        }
        Log.AclDenied(_logger, Id, user.Name, info.Name);
        ReplyError(denial);
        return false;
    }

    private void AclUsers()
    {
        var names = AllUserNames().ToList();
        Reply(w =>
        {
            RespWriter.WriteArrayHeader(w, names.Count);
            foreach (var name in names)
            {
                RespWriter.WriteBulkString(w, name);
            }
        });
    }

    private void AclGetUser()
    {
        var name = _request.GetString(2);
        if (Describe(name) is not { } user)
        {
            ReplyRaw(Protocol >= 3 ? "_\r\n"u8 : "*-1\r\n"u8);
            return;
        }
        Reply(w =>
        {
            RespWriter.WriteMapHeader(w, 6, Protocol);
            RespWriter.WriteBulkString(w, "flags"u8);
            WriteBulks(w, user.Flags);
            RespWriter.WriteBulkString(w, "passwords"u8);
            WriteBulks(w, user.Passwords);
            RespWriter.WriteBulkString(w, "commands"u8);
            RespWriter.WriteBulkString(w, user.Commands);
            RespWriter.WriteBulkString(w, "keys"u8);
            RespWriter.WriteBulkString(w, user.Keys);
            RespWriter.WriteBulkString(w, "channels"u8);
            RespWriter.WriteBulkString(w, user.Channels);
            RespWriter.WriteBulkString(w, "selectors"u8);
            RespWriter.WriteArrayHeader(w, 0);
        });
    }

    private void AclList()
    {
        var lines = AllUserNames()
            .Select(Describe).OfType<UserDescription>().Select(u => u.ToAclListLine()).ToList();
        Reply(w => WriteBulks(w, lines));
    }

    private void AclCat()
    {
        if (_request.ArgCount == 2)
        {
            Reply(w => WriteBulks(w, AclCategoryList.Names));
            return;
        }
        var category = _request.GetString(2);
        if (!AclCategoryList.TryGetCommands(category, out var commands))
        {
            ReplyError($"ERR Unknown category '{Truncate(category)}'");
            return;
        }
        Reply(w => WriteBulks(w, commands));
    }

    /// <summary>The endpoint's users, the default one included, in ordinal order (as redis lists them).</summary>
    private IEnumerable<string> AllUserNames() => _database.Table.Users.Names.Append("default").Order(StringComparer.Ordinal);

    /// <summary>What ACL GETUSER and ACL LIST say of a user of this endpoint; null when there is no such user.</summary>
    private UserDescription? Describe(string name)
    {
        if (name == "default")
        {
            var database = _database.Table.Database;
            var hashes = database.Passwords.Select(p => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(p)))).ToList();
            var flags = new List<string> { database.DefaultUser ? "on" : "off" };
            if (database.Password is null)
            {
                flags.Add("nopass");
            }
            return new UserDescription("default", flags, hashes, AclRules.FullAccess);
        }
        return _database.Table.Users.TryGet(name, out var user)
            ? new UserDescription(user.Name, ["on"], [.. user.PasswordDigests.Select(Convert.ToHexStringLower)], user.Rules)
            : null;
    }

    private static void WriteBulks(IBufferWriter<byte> writer, IReadOnlyCollection<string> values)
    {
        RespWriter.WriteArrayHeader(writer, values.Count);
        foreach (var value in values)
        {
            RespWriter.WriteBulkString(writer, value);
        }
    }

    private sealed record UserDescription(string Name, IReadOnlyList<string> Flags, IReadOnlyList<string> Passwords, AclRules Rules)
    {
        public string Commands => Rules.DescribeCommands();

        public string Keys => string.Join(' ', Rules.KeyPatterns);

        public string Channels => string.Join(' ', Rules.ChannelPatterns);

        /// <summary>Redis's ACL LIST line: name, flags, password hashes, then the permissions.</summary>
        public string ToAclListLine() =>
            string.Join(' ', new[] { "user", Name }.Concat(Flags).Concat(Passwords.Select(p => "#" + p)).Append(Rules.Describe()));
    }
}
