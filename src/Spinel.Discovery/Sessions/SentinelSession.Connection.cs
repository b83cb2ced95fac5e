using Spinel.Resp.Framing;

namespace Spinel.Discovery.Sessions;

internal sealed partial class SentinelSession
{
    /// <summary>The redis version the service claims; clients pick their command set by it (REPLICAS since 5).</summary>
    internal const string RedisVersion = "7.2.0";

    private void Ping()
    {
        if (_request.ArgCount > 2)
        {
            Error("ERR wrong number of arguments for 'ping' command");
            return;
        }
        if (Protocol < 3 && IsSubscribed)
        {
            RespWriter.WriteArrayHeader(_reply, 2);
            RespWriter.WriteBulkString(_reply, "pong"u8);
            RespWriter.WriteBulkString(_reply, _request.ArgCount == 2 ? _request[1] : []);
            return;
        }
        if (_request.ArgCount == 2)
        {
            RespWriter.WriteBulkString(_reply, _request[1]);
            return;
        }
        RespWriter.WriteRaw(_reply, "+PONG\r\n"u8);
    }

    // The service has no users of its own, like Redis Enterprise's: any credentials are accepted, so that clients
    // that send the database password to the sentinels too (StackExchange.Redis does by default) can connect.
    private void Auth()
    {
        if (_request.ArgCount > 3)
        {
            Error("ERR syntax error");
            return;
        }
        Ok();
    }

    private void Hello()
    {
        var protocol = Protocol;
        if (_request.ArgCount > 1)
        {
            if (!_request.TryGetInt64(1, out var version) || version is < 0 or > int.MaxValue)
            {
                Error("ERR Protocol version is not an integer or out of range");
                return;
            }
            if (version is not (2 or 3))
            {
                Error("NOPROTO unsupported protocol version");
                return;
            }
            protocol = (int)version;
        }
        string? name = null;
        for (var i = 2; i < _request.ArgCount; i++)
        {
            var left = _request.ArgCount - i - 1;
            if (_request.ArgEquals(i, "AUTH"u8) && left >= 2)
            {
                i += 2;
            }
            else if (_request.ArgEquals(i, "SETNAME"u8) && left >= 1)
            {
                name = Arg(++i);
            }
            else
            {
                Error($"ERR Syntax error in HELLO option '{Arg(i)}'");
                return;
            }
        }
        Protocol = protocol;
        if (name is not null)
        {
            Name = name;
        }
        RespWriter.WriteMapHeader(_reply, 7, Protocol);
        RespWriter.WriteBulkString(_reply, "server");
        RespWriter.WriteBulkString(_reply, "redis");
        RespWriter.WriteBulkString(_reply, "version");
        RespWriter.WriteBulkString(_reply, RedisVersion);
        RespWriter.WriteBulkString(_reply, "proto");
        RespWriter.WriteInteger(_reply, Protocol);
        RespWriter.WriteBulkString(_reply, "id");
        RespWriter.WriteInteger(_reply, Id);
        RespWriter.WriteBulkString(_reply, "mode");
        RespWriter.WriteBulkString(_reply, "sentinel");
        RespWriter.WriteBulkString(_reply, "role");
        RespWriter.WriteBulkString(_reply, "master");
        RespWriter.WriteBulkString(_reply, "modules");
        RespWriter.WriteArrayHeader(_reply, 0);
    }

    private void Client()
    {
        if (_request.ArgEquals(1, "SETNAME"u8) && _request.ArgCount == 3)
        {
            Name = Arg(2).Length == 0 ? null : Arg(2);
            Ok();
        }
        else if (_request.ArgEquals(1, "GETNAME"u8) && _request.ArgCount == 2)
        {
            if (Name is null)
            {
                RespWriter.WriteNull(_reply, Protocol);
            }
            else
            {
                RespWriter.WriteBulkString(_reply, Name);
            }
        }
        else if (_request.ArgEquals(1, "ID"u8) && _request.ArgCount == 2)
        {
            RespWriter.WriteInteger(_reply, Id);
        }
        else if (_request.ArgEquals(1, "SETINFO"u8) && _request.ArgCount == 4)
        {
            Ok();
        }
        else
        {
            UnknownSubcommand();
        }
    }

    private void Role()
    {
        var view = _context.Views.Current;
        RespWriter.WriteArrayHeader(_reply, 2);
        RespWriter.WriteBulkString(_reply, "sentinel");
        RespWriter.WriteArrayHeader(_reply, view.Masters.Count);
        foreach (var master in view.Masters)
        {
            RespWriter.WriteBulkString(_reply, master.Name);
        }
    }

    // Sentinel keeps no CONFIG of a redis server; clients that probe it (timeouts, databases) get nothing.
    private void Config()
    {
        if (_request.ArgEquals(1, "GET"u8))
        {
            RespWriter.WriteMapHeader(_reply, 0, Protocol);
            return;
        }
        UnknownSubcommand();
    }

    private void Reset()
    {
        UnsubscribeAll();
        Protocol = 2;
        Name = null;
        RespWriter.WriteRaw(_reply, "+RESET\r\n"u8);
    }

    private void Quit()
    {
        Ok();
        _closing = true;
    }
}
