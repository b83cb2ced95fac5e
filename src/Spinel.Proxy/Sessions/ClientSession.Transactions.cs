using Spinel.Proxy.Backends;
using Spinel.Proxy.Commands;
using Spinel.Proxy.Routing;
using Spinel.Resp.Commands;
using Spinel.Resp.Framing;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    private static readonly byte[] MultiFrame = RespWriter.EncodeCommand("MULTI");
    private static readonly byte[] ExecFrame = RespWriter.EncodeCommand("EXEC");
    private static readonly byte[] UnwatchFrame = RespWriter.EncodeCommand("UNWATCH");
    private static readonly byte[] PingFrame = RespWriter.EncodeCommand("PING");

    private List<ReadOnlyMemory<byte>>? _transaction;
    private bool _transactionFailed;
    private bool _transactionWrites;
    private int _transactionSlot = -1;
    private WatchState? _watch;

    private void Multi()
    {
        if (_transaction is not null)
        {
            ReplyError("ERR MULTI calls can not be nested");
            return;
        }
        _transaction = [];
        _transactionFailed = false;
        _transactionWrites = false;
        _transactionHasScript = false;
        _transactionSlot = _watch?.Slot ?? -1;
        ReplyRaw("+OK\r\n"u8);
    }

    // The proxy queues the transaction itself and sends it to the one shard it touches as MULTI ... EXEC at once.
    private void QueueInTransaction(CommandInfo info, ProxyCommand kind)
    {
        var single = _database.Table.Masters.Count == 1;
        var allowed = kind is ProxyCommand.Forward or ProxyCommand.MultiKeyGet or ProxyCommand.MultiKeySet or ProxyCommand.MultiKeyCount
            or ProxyCommand.Blocking or ProxyCommand.StreamRead or ProxyCommand.Publish or ProxyCommand.Ping or ProxyCommand.Echo
            or ProxyCommand.Time
            || (single && kind is ProxyCommand.DbSize or ProxyCommand.Keys or ProxyCommand.FlushAll or ProxyCommand.RandomKey);
        if (!allowed)
        {
            _transactionFailed = true;
            ReplyError(kind == ProxyCommand.NotAllowed ? "ERR command is not allowed" : "ERR command is not allowed inside a transaction");
            return;
        }
        var singleSlot = TryGetSingleSlot(info, out var slot);
        _transactionHasScript |= IsScript(info);
        if (kind == ProxyCommand.Publish)
        {
            // PUBLISH reaches only the subscribers of the channel's shard: its channel counts as a key here.
            slot = Resp.Slots.HashSlot.Compute(_request[1]);
        }
        if (!singleSlot || (slot >= 0 && _transactionSlot >= 0 && slot != _transactionSlot))
        {
            _transactionFailed = true;
            ReplyError(CrossSlotError);
            return;
        }
        if (_ossCluster && slot >= 0 && _database.Table.ForSlot(slot) is { } owner && Redirects(owner, slot))
        {
            _transactionFailed = true;
            return;
        }
        if (slot >= 0)
        {
            _transactionSlot = slot;
        }
        _transactionWrites |= (info.Flags & CommandFlags.Write) != 0;
        _transaction!.Add(_request.Frame.ToArray());
        ReplyRaw("+QUEUED\r\n"u8);
    }

    private void FailQueuedTransaction()
    {
        if (_transaction is not null)
        {
            _transactionFailed = true;
        }
    }

    private void Exec()
    {
        if (_transaction is null)
        {
            ReplyError("ERR EXEC without MULTI");
            return;
        }
        if (_transactionFailed)
        {
            EndTransaction();
            ReplyError("EXECABORT Transaction discarded because of previous errors.");
            return;
        }
        var table = _database.Table;
        var route = _transactionSlot >= 0 ? table.ForSlot(_transactionSlot) : _watch?.Route ?? table.Masters[0];
        if (route is null)
        {
            EndTransaction();
            ReplyError("CLUSTERDOWN Hash slot not served");
            return;
        }
        if ((_transactionWrites && FenceHoldsBack()) || HoldsBack(route))
        {
            if (!IsParked)
            {
                // Answered with the hold's error: as a failed EXEC, that ends the transaction.
                EndTransaction();
            }
            return;
        }
        if (_watch is { } watched && !ReferenceEquals(watched.Route.Pool, route.Pool))
        {
            // A failover moved the watched slot: the new master never saw the WATCH, so abort as if a key changed.
            EndTransaction();
            ReplyRaw(Protocol >= 3 ? "_\r\n"u8 : "*-1\r\n"u8);
            return;
        }
        if (_user is not null && _transactionHasScript && _watch is not null)
        {
            // The WATCH lives on a connection signed in as the default user; signing it in as the user is not done.
            EndTransaction();
            ReplyError("NOPERM scripts in a transaction after WATCH are not supported for ACL users");
            return;
        }
        var commands = _transaction;
        _transaction = null;
        _writtenShards.Add(route);
        var frames = new List<ReadOnlyMemory<byte>>(commands.Count + 2) { MultiFrame };
        frames.AddRange(commands);
        frames.Add(ExecFrame);
        if (_user is not null && _transactionHasScript)
        {
            SendAsUser(route, frames, NewSlot());
            return;
        }
        var connection = ConnectionFor(route);
        var sink = new LastReplySink(NewSlot(), frames.Count);
        connection.SendBatch(frames, Enumerable.Repeat<IReplySink>(sink, frames.Count).ToList());
        Touch(connection);
        // EXEC ends the WATCH on the shard; requests queued after it on that connection come after EXEC.
        ReleaseWatch(sendUnwatch: false);
    }

    private void Discard()
    {
        if (_transaction is null)
        {
            ReplyError("ERR DISCARD without MULTI");
            return;
        }
        DiscardTransaction();
        ReleaseWatch(sendUnwatch: true);
        ReplyRaw("+OK\r\n"u8);
    }

    private void EndTransaction()
    {
        _transaction = null;
        ReleaseWatch(sendUnwatch: true);
    }

    private void DiscardTransaction()
    {
        _transaction = null;
        _transactionFailed = false;
        _transactionSlot = -1;
    }

    private void Watch(CommandInfo info)
    {
        if (_transaction is not null)
        {
            ReplyError("ERR WATCH inside MULTI is not allowed");
            return;
        }
        if (!TryGetSingleSlot(info, out var slot) || (_watch is not null && slot != _watch.Slot))
        {
            ReplyError(CrossSlotError);
            return;
        }
        var route = _database.Table.ForSlot(slot);
        if (route is null)
        {
            ReplyError("CLUSTERDOWN Hash slot not served");
            return;
        }
        if (HoldsBack(route) || Redirects(route, slot))
        {
            return;
        }
        if (_watch is null)
        {
            var earlier = ConnectionFor(route);
            var connection = route.Pool.RentDedicated(Protocol);
            SendAfter(earlier, connection, _request.Frame.Span, NewSlot());
            _watch = new WatchState(route, connection, slot);
            return;
        }
        Send(route, _request.Frame.Span, NewSlot());
    }

    private void Unwatch()
    {
        if (_watch is null)
        {
            ReplyRaw("+OK\r\n"u8);
            return;
        }
        _watch.Connection.Send(UnwatchFrame, NewSlot());
        Touch(_watch.Connection);
        ReleaseWatch(sendUnwatch: false);
    }

    private void ReleaseWatch(bool sendUnwatch)
    {
        if (_watch is not { } watch)
        {
            return;
        }
        _watch = null;
        if (sendUnwatch)
        {
            watch.Connection.Send(UnwatchFrame, DiscardSink.Instance);
            Touch(watch.Connection);
        }
        // Requests the client sends next to this shard must not overtake what is still in flight here.
        Pin(watch.Route.Pool, watch.Connection);
    }

    /// <summary>
    /// Sends on <paramref name="target"/> only after everything this client already sent on <paramref name="earlier"/>
    /// has run, so a dedicated connection does not overtake the client's pipelined requests.
    /// </summary>
    private void SendAfter(BackendConnection earlier, BackendConnection target, ReadOnlySpan<byte> frame, IReplySink sink)
    {
        if (_queue.Count > 1 && !ReferenceEquals(earlier, target))
        {
            target.Hold();
            target.Send(frame, sink);
            earlier.Send(PingFrame, new ActionSink(_ => target.Release()));
            Touch(earlier);
            return;
        }
        target.Send(frame, sink);
        Touch(target);
    }

    private async Task ReleaseStatefulConnectionsAsync()
    {
        if (_watch is { } watch)
        {
            _watch = null;
            await watch.Connection.DisposeAsync().ConfigureAwait(false);
        }
        await ReleasePinnedAsync().ConfigureAwait(false);
        await ReleaseBlockedAsync().ConfigureAwait(false);
        await ReleasePubSubAsync().ConfigureAwait(false);
    }

    private static ShardRoute? RouteFor(RoutingTable table, int slot) => slot < 0 ? table.Masters[0] : table.ForSlot(slot);
}
