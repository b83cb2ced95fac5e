using System.Buffers;
using System.Security.Cryptography;
using System.Text;
using Spinel.Proxy.Auth;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    private bool _authenticated;
    private ClientReplyMode _replyMode;

    private void Ping()
    {
        if (IsSubscribed && Protocol < 3)
        {
            Reply(w =>
            {
                RespWriter.WriteArrayHeader(w, 2);
                RespWriter.WriteBulkString(w, "pong"u8);
                RespWriter.WriteBulkString(w, _request.ArgCount > 1 ? _request[1] : []);
            });
            return;
        }
        if (_request.ArgCount > 1)
        {
            Reply(w => RespWriter.WriteBulkString(w, _request[1]));
            return;
        }
        ReplyRaw("+PONG\r\n"u8);
    }

    private void Auth()
    {
        var password = _request.ArgCount == 2 ? _request[1] : _request[2];
        var user = _request.ArgCount == 2 ? "default"u8 : _request[1];
        var database = _database.Table.Database;
        EndpointUser? aclUser = null;
        var error = _request.ArgCount == 2 && database is { Password: null, DefaultUser: true }
            ? "ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?"
            : CheckCredentials(user, password, out aclUser);
        if (error is null)
        {
            SignIn(aclUser, password);
            ReplyRaw("+OK\r\n"u8);
        }
        else
        {
            _database.Counters.OnAuthFailed();
            ReplyError(error);
        }
    }

    private const string WrongPass = "WRONGPASS invalid username-password pair or user is disabled.";

    /// <summary>
    /// Null when the credentials are right, else the error redis would give; <paramref name="aclUser"/> is the ACL user
    /// they name, null for the default user.
    /// </summary>
    private string? CheckCredentials(ReadOnlySpan<byte> user, ReadOnlySpan<byte> password, out EndpointUser? aclUser)
    {
        aclUser = null;
        var table = _database.Table;
        var database = table.Database;
        if (!user.SequenceEqual("default"u8))
        {
            if (!table.Users.TryGet(user, out var candidate) || !Matches(password, candidate.PasswordDigests))
            {
                return WrongPass;
            }
            aclUser = candidate;
            return null;
        }
        if (!database.DefaultUser)
        {
            return WrongPass;
        }
        if (database.Password is null)
        {
            // As redis's "nopass" default user: any password is right for it (AUTH default x, HELLO 3 AUTH default x).
            return null;
        }
        return Matches(password, [.. database.Passwords.Select(p => SHA256.HashData(Encoding.UTF8.GetBytes(p)))]) ? null : WrongPass;
    }

    /// <summary>
    /// Whether the password's SHA-256 digest is one of <paramref name="digests"/>; digests of equal length, each compared
    /// in fixed time, so the time taken does not depend on the password's length or content.
    /// </summary>
    private static bool Matches(ReadOnlySpan<byte> password, IReadOnlyList<byte[]> digests)
    {
        Span<byte> given = stackalloc byte[SHA256.HashSizeInBytes];
        SHA256.HashData(password, given);
        var matches = false;
        foreach (var expected in digests)
        {
            matches |= CryptographicOperations.FixedTimeEquals(given, expected);
        }
        return matches;
    }

    private void Hello()
    {
        var protocol = Protocol;
        var next = 1;
        if (_request.ArgCount > 1)
        {
            if (!_request.TryGetInt64(1, out var version))
            {
                ReplyError("ERR Protocol version is not an integer or out of range");
                return;
            }
            if (version is < 2 or > 3)
            {
                ReplyError("NOPROTO unsupported protocol version");
                return;
            }
            protocol = (int)version;
            next = 2;
        }
        string? name = null;
        var authenticate = false;
        EndpointUser? helloUser = null;
        byte[]? helloPassword = null;
        for (var i = next; i < _request.ArgCount; i++)
        {
            if (_request.ArgEquals(i, "AUTH"u8) && i + 2 < _request.ArgCount)
            {
                var error = CheckCredentials(_request[i + 1], _request[i + 2], out helloUser);
                if (error is not null)
                {
                    _database.Counters.OnAuthFailed();
                    ReplyError(error);
                    return;
                }
                authenticate = true;
                helloPassword = _request[i + 2].ToArray();
                i += 2;
            }
            else if (_request.ArgEquals(i, "SETNAME"u8) && i + 1 < _request.ArgCount)
            {
                name = _request.GetString(i + 1);
                if (!IsValidClientName(name))
                {
                    ReplyError("ERR Client names cannot contain spaces, newlines or special characters.");
                    return;
                }
                i++;
            }
            else
            {
                ReplyError($"ERR Syntax error in HELLO option '{Truncate(_request.GetString(i))}'");
                return;
            }
        }
        if (!_authenticated && !authenticate)
        {
            ReplyError("NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time");
            return;
        }
        if (authenticate)
        {
            SignIn(helloUser, helloPassword);
        }
        Protocol = protocol;
        if (name is not null)
        {
            Name = name.Length == 0 ? null : name;
        }
        Reply(w =>
        {
            RespWriter.WriteMapHeader(w, 7, Protocol);
            RespWriter.WriteBulkString(w, "server"u8);
            RespWriter.WriteBulkString(w, "redis"u8);
            RespWriter.WriteBulkString(w, "version"u8);
            RespWriter.WriteBulkString(w, _database.Options.RedisVersion);
            RespWriter.WriteBulkString(w, "proto"u8);
            RespWriter.WriteInteger(w, Protocol);
            RespWriter.WriteBulkString(w, "id"u8);
            RespWriter.WriteInteger(w, Id);
            RespWriter.WriteBulkString(w, "mode"u8);
            RespWriter.WriteBulkString(w, "standalone"u8);
            RespWriter.WriteBulkString(w, "role"u8);
            RespWriter.WriteBulkString(w, "master"u8);
            RespWriter.WriteBulkString(w, "modules"u8);
            RespWriter.WriteArrayHeader(w, 0);
        });
    }

    private void Select()
    {
        if (!_request.TryGetInt64(1, out var index))
        {
            ReplyError("ERR value is not an integer or out of range");
        }
        else if (index != 0)
        {
            ReplyError("ERR DB index is out of range");
        }
        else
        {
            ReplyRaw("+OK\r\n"u8);
        }
    }

    private void Quit()
    {
        var slot = _queue.Enqueue();
        slot.CloseAfterWrite = true;
        slot.Complete("+OK\r\n"u8);
        _stopReading = true;
    }

    private void ResetSession()
    {
        DiscardTransaction();
        ReleaseWatch(sendUnwatch: true);
        ResetPubSub();
        _replyMode = ClientReplyMode.On;
        Protocol = 2;
        Name = null;
        _authenticated = !_database.Table.Database.RequiresAuth;
        _user = null;
        _password = null;
        ReplyRaw("+RESET\r\n"u8);
    }

    private void Time()
    {
        var now = _time.GetUtcNow();
        var micros = (now - DateTimeOffset.UnixEpoch).Ticks / 10;
        Reply(w =>
        {
            RespWriter.WriteArrayHeader(w, 2);
            RespWriter.WriteBulkString(w, (micros / 1_000_000).ToString());
            RespWriter.WriteBulkString(w, (micros % 1_000_000).ToString());
        });
    }

    private void CommandIntrospection()
    {
        _scratch.ResetWrittenCount();
        Resp.Commands.CommandReplyWriter.Write(_request, _scratch, Protocol);
        NewSlot().Complete(_scratch.WrittenSpan);
    }

    private static bool IsValidClientName(string name) => name.All(c => c is > ' ' and <= '~');
}
