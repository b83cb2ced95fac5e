using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using Spinel.Proxy.Backends;
using Spinel.Proxy.Replies;
using Spinel.Proxy.Routing;
using Spinel.Resp.Commands;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    private const string CrossSlotError = "CROSSSLOT Keys in request don't hash to the same slot";

    private readonly HashSet<ShardRoute> _writtenShards = [];

    private void ForwardByKeys(CommandInfo info)
    {
        if (TryRouteByKeys(info, out var route))
        {
            Send(route, _request.Frame.Span, NewSlot());
        }
    }

    /// <summary>
    /// The master that serves the request's keys, with the write recorded for WAIT; false when the request was
    /// answered instead (CROSSSLOT, an unserved slot) or waits for a held shard or a redirect.
    /// </summary>
    private bool TryRouteByKeys(CommandInfo info, [NotNullWhen(true)] out ShardRoute? route)
    {
        route = null;
        if (!TryGetSingleSlot(info, out var slot))
        {
            ReplyError(CrossSlotError);
            return false;
        }
        route = RouteFor(_database.Table, slot);
        if (route is null)
        {
            ReplyError("CLUSTERDOWN Hash slot not served");
            return false;
        }
        if (HoldsBack(route) || Redirects(route, slot))
        {
            return false;
        }
        if ((info.Flags & CommandFlags.Write) != 0)
        {
            _writtenShards.Add(route);
        }
        return true;
    }

    /// <summary>The one slot of all the request's keys; -1 when it has none; false when they differ.</summary>
    private bool TryGetSingleSlot(CommandInfo info, out int slot)
    {
        _keyIndexes.Clear();
        KeyExtractor.GetKeyIndexes(info, _request, _keyIndexes, includeNotKeys: true);
        slot = -1;
        var hashing = _database.Table.Hashing;
        foreach (var index in _keyIndexes)
        {
            var keySlot = hashing.SlotOf(_request[index]);
            if (slot == -1)
            {
                slot = keySlot;
            }
            else if (slot != keySlot)
            {
                return false;
            }
        }
        return true;
    }

    private void Send(ShardRoute route, ReadOnlySpan<byte> frame, IReplySink sink)
    {
        var connection = ConnectionFor(route);
        connection.Send(frame, sink);
        Touch(connection);
    }

    /// <summary>The connection that carries this client's requests to the shard, which keeps them in order.</summary>
    private BackendConnection ConnectionFor(ShardRoute route) =>
        _watch is { } watch && ReferenceEquals(watch.Route.Pool, route.Pool)
            ? watch.Connection
            : PinnedFor(route.Pool) ?? route.Pool.GetMultiplexed(Id, Protocol);

    private void MultiKeyGet(CommandInfo info) =>
        SplitByShard(info, step: 1, (parts, keyPlaces) => (replies, output) =>
        {
            if (ReplyMerges.WriteFirstError(replies, output))
            {
                return;
            }
            RespWriter.WriteArrayHeader(output, keyPlaces.Count);
            foreach (var (part, position) in keyPlaces)
            {
                output.Write(replies[part].Children[position].Raw.Span);
            }
        });

    private void MultiKeySet(CommandInfo info) => SplitByShard(info, step: 2, (_, _) => ReplyMerges.AllOk);

    private void MultiKeyCount(CommandInfo info) => SplitByShard(info, step: 1, (_, _) => ReplyMerges.SumIntegers);

    /// <summary>
    /// Sends a command whose arguments after the name are keys (or key-value pairs when <paramref name="step"/> is 2)
    /// as one command per shard, then merges the replies in key order.
    /// </summary>
    private void SplitByShard(CommandInfo info, int step, Func<int, List<(int Part, int Position)>, ReplyMerge> mergeFor)
    {
        if ((_request.ArgCount - 1) % step != 0)
        {
            // MSET k1 v1 k2: redis refuses it whole; splitting would silently drop the last key.
            ReplyError($"ERR wrong number of arguments for '{info.Name}' command");
            return;
        }
        var table = _database.Table;
        var isWrite = (info.Flags & CommandFlags.Write) != 0;
        var groups = new List<(ShardRoute Route, List<int> Args)>(table.Masters.Count);
        var keyPlaces = new List<(int Part, int Position)>((_request.ArgCount - 1) / step);
        for (var i = 1; i + step - 1 < _request.ArgCount; i += step)
        {
            var route = table.ForSlot(table.Hashing.SlotOf(_request[i]));
            if (route is null)
            {
                ReplyError("CLUSTERDOWN Hash slot not served");
                return;
            }
            var part = groups.FindIndex(g => ReferenceEquals(g.Route, route));
            if (part < 0)
            {
                part = groups.Count;
                groups.Add((route, []));
            }
            keyPlaces.Add((part, groups[part].Args.Count / step));
            for (var j = 0; j < step; j++)
            {
                groups[part].Args.Add(i + j);
            }
        }
        foreach (var group in groups)
        {
            if (HoldsBack(group.Route))
            {
                return;
            }
        }
        if (isWrite)
        {
            foreach (var group in groups)
            {
                _writtenShards.Add(group.Route);
            }
        }
        var slot = NewSlot();
        if (groups.Count == 1)
        {
            Send(groups[0].Route, _request.Frame.Span, slot);
            return;
        }
        var aggregator = new ReplyAggregator(slot, groups.Count, mergeFor(groups.Count, keyPlaces));
        for (var part = 0; part < groups.Count; part++)
        {
            Send(groups[part].Route, BuildSubCommand(groups[part].Args), aggregator.Part(part));
        }
    }

    /// <summary>The request's command name followed by the chosen arguments, as a new frame (in the scratch buffer).</summary>
    private ReadOnlySpan<byte> BuildSubCommand(List<int> argIndexes)
    {
        _scratch.ResetWrittenCount();
        RespWriter.WriteArrayHeader(_scratch, argIndexes.Count + 1);
        RespWriter.WriteBulkString(_scratch, _request[0]);
        foreach (var index in argIndexes)
        {
            RespWriter.WriteBulkString(_scratch, _request[index]);
        }
        return _scratch.WrittenSpan;
    }
}
