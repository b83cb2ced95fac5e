using System.Buffers;
using Spinel.Resp.Framing;
using Spinel.Proxy.Routing;

namespace Spinel.Proxy.Replies;

/// <summary>The usual ways to merge shard replies; each returns the first error when any shard failed.</summary>
internal static class ReplyMerges
{
    public static readonly ReplyMerge AllOk = (replies, output) =>
    {
        if (!WriteFirstError(replies, output))
        {
            output.Write(replies[0].Raw.Span);
        }
    };

    public static readonly ReplyMerge SumIntegers = (replies, output) =>
    {
        if (!WriteFirstError(replies, output))
        {
            RespWriter.WriteInteger(output, replies.Sum(r => r.Integer));
        }
    };

    public static readonly ReplyMerge ConcatArrays = (replies, output) =>
    {
        if (WriteFirstError(replies, output))
        {
            return;
        }
        var type = replies[0].Type == '~' ? (byte)'~' : (byte)'*';
        RespWriter.WriteHeader(output, type, replies.Sum(r => r.Children.Count));
        foreach (var reply in replies)
        {
            foreach (var child in reply.Children)
            {
                output.Write(child.Raw.Span);
            }
        }
    };

    /// <summary>
    /// KEYS: the shards' keys together, each shard's only where the routing sends its slot to that shard (part i of the
    /// replies is <paramref name="masters"/>[i]). Until a reshard's trim has deleted the keys a shard no longer owns,
    /// they stay there, and must not show twice.
    /// </summary>
    public static ReplyMerge OwnedKeys(RoutingTable table, IReadOnlyList<ShardRoute> masters) => (replies, output) =>
    {
        if (WriteFirstError(replies, output))
        {
            return;
        }
        var owned = replies.Select((reply, i) => reply.Children.Where(key => table.Owns(masters[i], key.Payload.Span)).ToList()).ToList();
        var type = replies[0].Type == '~' ? (byte)'~' : (byte)'*';
        RespWriter.WriteHeader(output, type, owned.Sum(keys => keys.Count));
        foreach (var key in owned.SelectMany(keys => keys))
        {
            output.Write(key.Raw.Span);
        }
    };

    /// <summary>Element-wise AND of integer arrays (SCRIPT EXISTS: a script exists only if every shard has it).</summary>
    public static readonly ReplyMerge AndIntegerArrays = (replies, output) =>
    {
        if (WriteFirstError(replies, output))
        {
            return;
        }
        var count = replies[0].Children.Count;
        RespWriter.WriteArrayHeader(output, count);
        for (var i = 0; i < count; i++)
        {
            var all = replies.All(r => i < r.Children.Count && r.Children[i].Integer != 0);
            RespWriter.WriteInteger(output, all ? 1 : 0);
        }
    };

    public static bool WriteFirstError(IReadOnlyList<RespNode> replies, IBufferWriter<byte> output)
    {
        foreach (var reply in replies)
        {
            if (reply.IsError)
            {
                output.Write(reply.Raw.Span);
                return true;
            }
        }
        return false;
    }
}
