using System.Runtime.CompilerServices;
using Spinel.Proxy.Replies;
using Spinel.Proxy.Routing;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

// The OSS Cluster API: the session shows the endpoint's proxies as the masters of a Redis Cluster and sends a client
// that asks for another proxy's slot there with -MOVED. Chosen when the client connects, as Redis Enterprise does.
internal sealed partial class ClientSession
{
    private const string ClusterDisabledError = "ERR This instance has cluster support disabled";

    private bool _ossCluster;

    /// <summary>
    /// True when the slot belongs to another proxy: the request is then answered with <c>-MOVED</c>. Costs one field
    /// test on endpoints without the OSS Cluster API.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool Redirects(ShardRoute route, int slot) => _ossCluster && slot >= 0 && RedirectsInCluster(route, slot);

    private bool RedirectsInCluster(ShardRoute route, int slot)
    {
        if (_database.Table.Cluster is not { } layout || layout.IsLocal(route) || layout.For(route) is not { } owner)
        {
            return false;
        }
        ReplyError($"MOVED {slot} {owner.Address}:{owner.Port}");
        return true;
    }

    /// <summary>The masters that keyspace-wide commands (DBSIZE, KEYS, SCAN, FLUSHDB, RANDOMKEY) cover: with the OSS Cluster API, this proxy's own.</summary>
    private IReadOnlyList<ShardRoute> KeyspaceMasters =>
        _ossCluster && _database.Table.Cluster is { } layout ? layout.LocalMasters : _database.Table.Masters;

    /// <summary>A keyspace-wide command over <see cref="KeyspaceMasters"/>; <paramref name="whenNone"/> when this proxy serves no slot.</summary>
    private void ToKeyspaceShards(ReplyMerge merge, ReadOnlySpan<byte> whenNone)
    {
        var masters = KeyspaceMasters;
        if (masters.Count == 0)
        {
            ReplyRaw(whenNone);
            return;
        }
        ToShards(masters, _request.Frame.Span, merge);
    }

    private ReadOnlySpan<byte> RespNullReply => Protocol == 3 ? "_\r\n"u8 : "$-1\r\n"u8;

    private void ClusterModeCommand()
    {
        if (!_ossCluster)
        {
            ReplyError("ERR command is not allowed");
            return;
        }
        // Reads are always served by masters, so READONLY changes nothing; ASKING has no use without migrating slots.
        ReplyRaw("+OK\r\n"u8);
    }

    private void Cluster()
    {
        if (!_ossCluster)
        {
            ReplyError("ERR command is not allowed");
            return;
        }
        var table = _database.Table;
        if (table.Cluster is not { } layout)
        {
            ReplyError(ClusterDisabledError);
            return;
        }
        var sub = _request.GetString(1).ToLowerInvariant();
        switch (sub)
        {
            case "slots": Reply(w => ClusterReplies.WriteSlots(w, layout)); break;
            case "shards": Reply(w => ClusterReplies.WriteShards(w, layout, Protocol)); break;
            case "nodes": Reply(w => RespWriter.WriteVerbatim(w, ClusterReplies.Nodes(layout, _time.GetUtcNow()), Protocol)); break;
            case "info": Reply(w => RespWriter.WriteVerbatim(w, ClusterReplies.Info(layout), Protocol)); break;
            case "myid" or "myshardid": Reply(w => RespWriter.WriteBulkString(w, layout.Myself.Id)); break;
            case "keyslot": Reply(w => RespWriter.WriteInteger(w, table.Hashing.SlotOf(_request[2]))); break;
            case "help": Reply(ClusterReplies.WriteHelp); break;
            default: ReplyError("ERR command is not allowed"); break;
        }
    }
}
