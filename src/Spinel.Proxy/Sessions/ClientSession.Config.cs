using System.Buffers;
using System.Collections.Frozen;
using System.Text;
using Spinel.Proxy.Replies;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    // The parameters Redis Enterprise lets a database user read and change, with the bounds it enforces.
    private static readonly FrozenDictionary<string, (long Min, long Max)> ConfigWhitelist = new Dictionary<string, (long, long)>
    {
        ["activerehashing"] = (0, 0),
        ["busy-reply-threshold"] = (0, 60000),
        ["lua-time-limit"] = (0, 60000),
        ["hash-max-ziplist-entries"] = (0, 0),
        ["hash-max-ziplist-value"] = (0, 0),
        ["hash-max-listpack-entries"] = (0, 0),
        ["hash-max-listpack-value"] = (0, 0),
        ["list-max-ziplist-size"] = (0, 0),
        ["list-max-listpack-size"] = (0, 0),
        ["list-compress-depth"] = (0, 0),
        ["set-max-intset-entries"] = (0, 0),
        ["zset-max-ziplist-entries"] = (0, 0),
        ["zset-max-ziplist-value"] = (0, 0),
        ["zset-max-listpack-entries"] = (0, 0),
        ["zset-max-listpack-value"] = (0, 0),
        ["stream-node-max-bytes"] = (0, 0),
        ["stream-node-max-entries"] = (0, 0),
        ["hll-sparse-max-bytes"] = (0, 0),
        ["notify-keyspace-events"] = (0, 0),
        ["slowlog-log-slower-than"] = (1000, long.MaxValue),
        ["slowlog-max-len"] = (128, 1024),
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    private void ConfigGet()
    {
        var masters = _database.Table.Masters;
        if (HoldsBack(masters[0]))
        {
            return;
        }
        var aggregator = new ReplyAggregator(NewSlot(), 1, (replies, output) =>
        {
            var reply = replies[0];
            if (reply.IsError)
            {
                output.Write(reply.Raw.Span);
                return;
            }
            var allowed = new List<(RespNode Name, RespNode Value)>();
            for (var i = 0; i + 1 < reply.Children.Count; i += 2)
            {
                if (ConfigWhitelist.ContainsKey(reply.Children[i].Text))
                {
                    allowed.Add((reply.Children[i], reply.Children[i + 1]));
                }
            }
            RespWriter.WriteHeader(output, reply.Type == '%' ? (byte)'%' : (byte)'*', reply.Type == '%' ? allowed.Count : allowed.Count * 2);
            foreach (var (name, value) in allowed)
            {
                output.Write(name.Raw.Span);
                output.Write(value.Raw.Span);
            }
        });
        Send(masters[0], _request.Frame.Span, aggregator.Part(0));
    }

    private void ConfigSet()
    {
        if ((_request.ArgCount - 2) % 2 != 0)
        {
            ReplyError("ERR wrong number of arguments for 'config|set' command");
            return;
        }
        for (var i = 2; i + 1 < _request.ArgCount; i += 2)
        {
            var name = _request.GetString(i);
            if (!ConfigWhitelist.TryGetValue(name, out var bounds))
            {
                ReplyError($"ERR CONFIG SET of '{Truncate(name)}' is not allowed");
                return;
            }
            if (bounds.Max != 0 && (!_request.TryGetInt64(i + 1, out var value) || value < bounds.Min || value > bounds.Max))
            {
                ReplyError($"ERR CONFIG SET failed: '{Truncate(name)}' must be an integer within {bounds.Min}-{(bounds.Max == long.MaxValue ? "" : bounds.Max.ToString())}".TrimEnd('-'));
                return;
            }
        }
        ToAllShards(ReplyMerges.AllOk);
    }

    private void Info() => ToAllShards((replies, output) =>
    {
        if (ReplyMerges.WriteFirstError(replies, output))
        {
            return;
        }
        var text = InfoComposer.Compose(replies.Select(r => Encoding.UTF8.GetString(r.Type == '=' ? r.Payload.Span[4..] : r.Payload.Span)).ToList(), new InfoComposer.ProxyFacts(
            Port: _database.Table.Database.Port,
            Clients: _database.ClientCount,
            BlockedClients: _database.Clients.Count(c => c._blockedCount > 0),
            PubSubClients: _database.Clients.Count(c => c.IsSubscribed),
            TotalConnections: _database.TotalConnections,
            UptimeSeconds: (long)(DateTimeOffset.UtcNow - _database.StartedAt).TotalSeconds,
            Version: _database.Options.RedisVersion) { MaxClients = _database.Table.Database.MaxConnections, ClusterMode = _ossCluster });
        RespWriter.WriteVerbatim(output, text, Protocol);
    });
}
