using System.Text;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    private void ClientSetName()
    {
        var name = _request.GetString(2);
        if (!IsValidClientName(name))
        {
            ReplyError("ERR Client names cannot contain spaces, newlines or special characters.");
            return;
        }
        Name = name.Length == 0 ? null : name;
        ReplyRaw("+OK\r\n"u8);
    }

    private void ClientGetName()
    {
        if (Name is null)
        {
            Reply(w => RespWriter.WriteNull(w, Protocol));
        }
        else
        {
            Reply(w => RespWriter.WriteBulkString(w, Name));
        }
    }

    private void ClientList()
    {
        IEnumerable<ClientSession> clients = _database.Clients.OrderBy(c => c.Id);
        for (var i = 2; i + 1 < _request.ArgCount; i += 2)
        {
            if (_request.ArgEquals(i, "TYPE"u8))
            {
                var type = _request.GetString(i + 1).ToLowerInvariant();
                if (type is not ("normal" or "pubsub" or "master" or "replica" or "slave"))
                {
                    ReplyError($"ERR Unknown client type '{Truncate(type)}'");
                    return;
                }
                clients = clients.Where(c => type == "pubsub" ? c.IsSubscribed : type == "normal" && !c.IsSubscribed);
            }
            else if (_request.ArgEquals(i, "ID"u8))
            {
                var ids = new HashSet<long>();
                for (i++; i < _request.ArgCount; i++)
                {
                    if (!_request.TryGetInt64(i, out var id) || id < 1)
                    {
                        ReplyError("ERR Invalid client ID");
                        return;
                    }
                    ids.Add(id);
                }
                clients = clients.Where(c => ids.Contains(c.Id));
            }
            else
            {
                ReplyError("ERR syntax error");
                return;
            }
        }
        var text = new StringBuilder();
        foreach (var client in clients)
        {
            text.Append(client.DescribeClient()).Append('\n');
        }
        Reply(w => RespWriter.WriteVerbatim(w, text.ToString(), Protocol));
    }

    private void ClientKill()
    {
        if (_request.ArgCount == 3)
        {
            // Old form: CLIENT KILL addr:port.
            var address = _request.GetString(2);
            var target = _database.Clients.FirstOrDefault(c => c.RemoteEndPoint?.ToString() == address);
            if (target is null)
            {
                ReplyError("ERR No such client");
                return;
            }
            ReplyRaw("+OK\r\n"u8);
            target.KillFromClient(this);
            return;
        }
        long? id = null;
        string? addr = null;
        string? laddr = null;
        string? user = null;
        string? type = null;
        var skipMe = true;
        for (var i = 2; i < _request.ArgCount; i += 2)
        {
            if (i + 1 >= _request.ArgCount)
            {
                ReplyError("ERR syntax error");
                return;
            }
            var value = _request.GetString(i + 1);
            if (_request.ArgEquals(i, "ID"u8))
            {
                if (!long.TryParse(value, out var parsed) || parsed < 1)
                {
                    ReplyError("ERR client-id should be greater than 0");
                    return;
                }
                id = parsed;
            }
            else if (_request.ArgEquals(i, "ADDR"u8))
            {
                addr = value;
            }
            else if (_request.ArgEquals(i, "LADDR"u8))
            {
                laddr = value;
            }
            else if (_request.ArgEquals(i, "USER"u8))
            {
                user = value;
            }
            else if (_request.ArgEquals(i, "SKIPME"u8))
            {
                skipMe = !value.Equals("no", StringComparison.OrdinalIgnoreCase);
            }
            else if (_request.ArgEquals(i, "TYPE"u8))
            {
                type = value.ToLowerInvariant();
                if (type is not ("normal" or "pubsub" or "master" or "replica" or "slave"))
                {
                    ReplyError($"ERR Unknown client type '{Truncate(value)}'");
                    return;
                }
            }
            else
            {
                ReplyError("ERR syntax error");
                return;
            }
        }
        var victims = _database.Clients.Where(c =>
            (id is null || c.Id == id) &&
            (addr is null || c.RemoteEndPoint?.ToString() == addr) &&
            (laddr is null || c.LocalEndPoint?.ToString() == laddr) &&
            (user is null || user == "default") &&
            // Endpoint clients are normal or pub/sub clients, never masters or replicas.
            (type is null || (type == "pubsub" ? c.IsSubscribed : type == "normal" && !c.IsSubscribed)) &&
            !(skipMe && ReferenceEquals(c, this))).ToList();
        Reply(w => RespWriter.WriteInteger(w, victims.Count));
        foreach (var victim in victims)
        {
            victim.KillFromClient(this);
        }
    }

    private void KillFromClient(ClientSession killer)
    {
        if (ReferenceEquals(killer, this))
        {
            // Killing yourself: the reply to CLIENT KILL goes out first, then the connection closes.
            var slot = _queue.Enqueue();
            slot.CloseAfterWrite = true;
            slot.Complete([]);
            _stopReading = true;
            return;
        }
        Abort("killed by CLIENT KILL");
    }

    private void ClientReply()
    {
        var mode = _request.GetString(2).ToUpperInvariant();
        switch (mode)
        {
            case "ON":
                _replyMode = ClientReplyMode.On;
                ReplyRaw("+OK\r\n"u8);
                break;
            case "OFF":
                _replyMode = ClientReplyMode.Off;
                break;
            case "SKIP":
                // The reply to SKIP itself is not sent either.
                if (_replyMode == ClientReplyMode.On)
                {
                    _replyMode = ClientReplyMode.Skip;
                }
                break;
            default:
                ReplyError("ERR syntax error");
                break;
        }
    }

    /// <summary>This client's line in CLIENT LIST / CLIENT INFO.</summary>
    internal string DescribeClient()
    {
        var now = _time.GetUtcNow();
        var flags = IsSubscribed ? "P" : _transaction is not null ? "x" : _blockedCount > 0 ? "b" : "N";
        var (channels, patterns, shardChannels) = SubscriptionCounts();
        return $"id={Id} addr={RemoteEndPoint} laddr={LocalEndPoint} fd=-1 name={Name} age={(int)(now - ConnectedAt).TotalSeconds} " +
            $"idle={(int)(now - LastActivity).TotalSeconds} flags={flags} db=0 sub={channels} psub={patterns} ssub={shardChannels} " +
            $"multi={(_transaction is null ? -1 : _transaction.Count)} qbuf=0 qbuf-free=0 argv-mem=0 multi-mem=0 obl=0 " +
            $"oll={_queue.Count} omem={_queue.CompletedBytes} tot-mem=0 events=r cmd={LastCommand} user={UserName} " +
            $"library-name= library-ver= resp={Protocol}";
    }
}
