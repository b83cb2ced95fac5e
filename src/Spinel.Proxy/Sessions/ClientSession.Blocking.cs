using System.Buffers;
using Spinel.Proxy.Backends;
using Spinel.Proxy.Replies;
using Spinel.Proxy.Routing;
using Spinel.Resp.Commands;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    private static readonly byte[] WaitBarrierFrame = RespWriter.EncodeCommand("PUBLISH", "__spinel:wait", "");

    private readonly Lock _blockedGate = new();
    private readonly HashSet<BackendConnection> _blocked = [];
    private int _blockedCount;

    private void Blocking(CommandInfo info)
    {
        if (!TryGetSingleSlot(info, out var slot))
        {
            ReplyError(CrossSlotError);
            return;
        }
        var route = RouteFor(_database.Table, slot);
        if (route is null)
        {
            ReplyError("CLUSTERDOWN Hash slot not served");
            return;
        }
        if (HoldsBack(route) || Redirects(route, slot))
        {
            return;
        }
        if ((info.Flags & CommandFlags.Write) != 0)
        {
            _writtenShards.Add(route);
        }
        SendDedicated(route, _request.Frame.Span, NewSlot(), replies: 1);
    }

    private void StreamRead(CommandInfo info)
    {
        for (var i = 1; i < _request.ArgCount; i++)
        {
            if (_request.ArgEquals(i, "BLOCK"u8))
            {
                Blocking(info);
                return;
            }
            if (_request.ArgEquals(i, "STREAMS"u8))
            {
                break;
            }
        }
        ForwardByKeys(info);
    }

    /// <summary>
    /// Runs a command that may block on a connection of its own, so other clients sharing the multiplexed
    /// connections never wait behind it; the connection goes back to the pool when the reply arrived.
    /// </summary>
    private void SendDedicated(ShardRoute route, ReadOnlySpan<byte> frame, IReplySink target, int replies, ReadOnlySpan<byte> prefix = default)
    {
        var connection = route.Pool.RentDedicated(Protocol);
        lock (_blockedGate)
        {
            _blocked.Add(connection);
            _blockedCount = _blocked.Count;
        }
        var sink = new DedicatedSink(this, route, connection, replies > 1 ? new LastReplySink(target, replies) : target);
        var earlier = ConnectionFor(route);
        if (!prefix.IsEmpty)
        {
            connection.Hold();
            connection.Send(prefix, sink);
            connection.Send(frame, sink);
            earlier.Send(PingFrame, new ActionSink(_ => connection.Release()));
            Touch(earlier);
        }
        else
        {
            SendAfter(earlier, connection, frame, sink);
        }
        // As on redis, the client's next requests to this shard run only once this one has answered.
        Pin(route.Pool, connection);
    }

    private void OnDedicatedDone(ShardRoute route, BackendConnection connection)
    {
        bool mine;
        lock (_blockedGate)
        {
            mine = _blocked.Remove(connection);
            _blockedCount = _blocked.Count;
            // Still pinned: later requests of this client may be queued on it; PinnedFor returns it once drained.
            mine = mine && !_pinned.ContainsValue(connection);
        }
        if (mine)
        {
            route.Pool.Return(connection);
        }
    }

    private async Task ReleaseBlockedAsync()
    {
        BackendConnection[] blocked;
        lock (_blockedGate)
        {
            blocked = [.. _blocked];
            _blocked.Clear();
            _blockedCount = 0;
        }
        // A blocked command cannot be taken back: close its connection so the shard forgets it.
        foreach (var connection in blocked)
        {
            await connection.DisposeAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// WAIT: for every shard this client wrote to, once its writes have run, publishes on a dedicated connection
    /// (which moves that connection's replication offset past them) and waits there; answers the smallest count.
    /// </summary>
    private void Wait()
    {
        if (!_request.TryGetInt64(1, out var replicas) || !_request.TryGetInt64(2, out var timeout))
        {
            ReplyError("ERR value is not an integer or out of range");
            return;
        }
        if (timeout < 0)
        {
            ReplyError("ERR timeout is negative");
            return;
        }
        var masters = _database.Table.Masters;
        // Written routes may come from older tables: wait on the current route of each pool still serving, and
        // forget the pools a failover retired (their writes can no longer be confirmed there).
        var written = masters.Where(m => _writtenShards.Any(w => ReferenceEquals(w.Pool, m.Pool))).ToList();
        var shards = written.Count > 0 ? written : [masters[0]];
        if (HoldsBack(shards))
        {
            return;
        }
        _writtenShards.Clear();
        _writtenShards.UnionWith(written);
        var frame = _request.Frame.Span;
        var slot = NewSlot();
        if (shards.Count == 1)
        {
            SendDedicated(shards[0], frame, slot, replies: 2, WaitBarrierFrame);
            return;
        }
        var aggregator = new ReplyAggregator(slot, shards.Count, MinInteger);
        for (var i = 0; i < shards.Count; i++)
        {
            SendDedicated(shards[i], frame, aggregator.Part(i), replies: 2, WaitBarrierFrame);
        }
    }

    private static readonly ReplyMerge MinInteger = (replies, output) =>
    {
        if (!ReplyMerges.WriteFirstError(replies, output))
        {
            RespWriter.WriteInteger(output, replies.Min(r => r.Integer));
        }
    };

    private sealed class DedicatedSink(ClientSession session, ShardRoute route, BackendConnection connection, IReplySink target) : IReplySink
    {
        public void OnReply(in ReadOnlySequence<byte> frame)
        {
            if (target is LastReplySink last)
            {
                last.OnReply(frame);
                if (!last.IsDone)
                {
                    return;
                }
            }
            else
            {
                target.OnReply(frame);
            }
            session.OnDedicatedDone(route, connection);
        }

        public void OnFailure(string error)
        {
            target.OnFailure(error);
            if (target is not LastReplySink { IsDone: false })
            {
                session.OnDedicatedDone(route, connection);
            }
        }
    }
}
