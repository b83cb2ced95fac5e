using System.Buffers;
using System.Buffers.Text;
using System.Text;
using Spinel.Model;
using Spinel.Proxy.Replies;
using Spinel.Proxy.Routing;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    // SCAN cursors carry a slot of the shard being scanned in their low 14 bits and the shard's own cursor above them.
    private const int ScanSlotBits = 14;

    private static readonly ReplyMerge KillMerge = (replies, output) =>
    {
        // SCRIPT/FUNCTION KILL: success if any shard killed something; otherwise the shards' common answer.
        var killed = replies.FirstOrDefault(r => !r.IsError);
        output.Write((killed ?? replies[0]).Raw.Span);
    };

    private static readonly ReplyMerge PubSubUnionMerge = (replies, output) =>
    {
        if (ReplyMerges.WriteFirstError(replies, output))
        {
            return;
        }
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var unique = replies.SelectMany(r => r.Children).Where(c => seen.Add(Encoding.Latin1.GetString(c.Payload.Span))).ToList();
        RespWriter.WriteArrayHeader(output, unique.Count);
        foreach (var child in unique)
        {
            output.Write(child.Raw.Span);
        }
    };

    private static readonly ReplyMerge PubSubNumSubMerge = (replies, output) =>
    {
        if (ReplyMerges.WriteFirstError(replies, output))
        {
            return;
        }
        // Each shard answers channel, count pairs in request order; sum the counts.
        var first = replies[0].Children;
        RespWriter.WriteHeader(output, replies[0].Type == '%' ? (byte)'%' : (byte)'*', replies[0].Integer);
        for (var i = 0; i + 1 < first.Count; i += 2)
        {
            output.Write(first[i].Raw.Span);
            RespWriter.WriteInteger(output, replies.Sum(r => i + 1 < r.Children.Count ? r.Children[i + 1].Integer : 0));
        }
    };

    private static readonly ReplyMerge PubSubNumPatMerge = (replies, output) =>
    {
        if (!ReplyMerges.WriteFirstError(replies, output))
        {
            RespWriter.WriteInteger(output, replies.Max(r => r.Integer));
        }
    };

    /// <summary>Sends the request as it is to every master shard and merges the replies.</summary>
    private void ToAllShards(ReplyMerge merge) => ToAllShards(_request.Frame.Span, merge);

    private void ToAllShards(ReadOnlySpan<byte> frame, ReplyMerge merge) => ToShards(_database.Table.Masters, frame, merge);

    private void ToShards(IReadOnlyList<ShardRoute> masters, ReadOnlySpan<byte> frame, ReplyMerge merge)
    {
        if (HoldsBack(masters))
        {
            return;
        }
        var aggregator = new ReplyAggregator(NewSlot(), masters.Count, merge);
        for (var i = 0; i < masters.Count; i++)
        {
            Send(masters[i], frame, aggregator.Part(i));
        }
    }

    private void Scan()
    {
        var table = _database.Table;
        if (!Utf8Parser.TryParse(_request[1], out ulong cursor, out var used) || used != _request[1].Length)
        {
            ReplyError("ERR invalid cursor");
            return;
        }
        // The cursor names a shard by a slot it serves, not by its index, so that a scan carries on across a reshard:
        // the master that kept the slot goes on from its own cursor, and the shards split off it come after it.
        var positionSlot = (int)(cursor & (SlotRange.SlotCount - 1));
        var shardCursor = cursor >> ScanSlotBits;
        var masters = KeyspaceMasters;
        var serving = table.ForSlot(positionSlot);
        if (serving is not null && !masters.Contains(serving))
        {
            serving = null;
        }
        if ((serving ?? masters.FirstOrDefault(m => FirstSlot(m) > positionSlot)) is not { } route)
        {
            // No shard serves any slot from there on: the scan is over.
            ReplyRaw("*2\r\n$1\r\n0\r\n*0\r\n"u8);
            return;
        }
        if (HoldsBack(route))
        {
            return;
        }
        _scratch.ResetWrittenCount();
        RespWriter.WriteArrayHeader(_scratch, _request.ArgCount);
        RespWriter.WriteBulkString(_scratch, _request[0]);
        RespWriter.WriteBulkString(_scratch, shardCursor.ToString());
        for (var i = 2; i < _request.ArgCount; i++)
        {
            RespWriter.WriteBulkString(_scratch, _request[i]);
        }
        var nextShard = masters.FirstOrDefault(m => FirstSlot(m) > FirstSlot(route));
        var aggregator = new ReplyAggregator(NewSlot(), 1, (replies, output) =>
        {
            var reply = replies[0];
            if (reply.IsError)
            {
                output.Write(reply.Raw.Span);
                return;
            }
            var next = ulong.Parse(reply.Children[0].Text);
            var merged = next != 0
                ? (next << ScanSlotBits) | (uint)FirstSlot(route)
                : nextShard is null ? 0 : (ulong)FirstSlot(nextShard);
            RespWriter.WriteArrayHeader(output, 2);
            RespWriter.WriteBulkString(output, merged.ToString());
            // Keys a reshard has not trimmed yet from this shard are another shard's now.
            var keys = reply.Children[1].Children;
            if (keys.All(key => table.Owns(route, key.Payload.Span)))
            {
                output.Write(reply.Children[1].Raw.Span);
                return;
            }
            var owned = keys.Where(key => table.Owns(route, key.Payload.Span)).ToList();
            RespWriter.WriteArrayHeader(output, owned.Count);
            foreach (var key in owned)
            {
                output.Write(key.Raw.Span);
            }
        });
        Send(route, _scratch.WrittenSpan, aggregator.Part(0));
    }

    private static int FirstSlot(ShardRoute route) => route.Shard.Slots.Count == 0 ? int.MaxValue : route.Shard.Slots.Min(r => r.Start);

    private void RandomKey() => ToKeyspaceShards((replies, output) =>
    {
        if (ReplyMerges.WriteFirstError(replies, output))
        {
            return;
        }
        var found = replies.Where(r => !r.IsNull).ToList();
        if (found.Count == 0)
        {
            output.Write(replies[0].Raw.Span);
            return;
        }
        output.Write(found[Random.Shared.Next(found.Count)].Raw.Span);
    }, RespNullReply);
}
