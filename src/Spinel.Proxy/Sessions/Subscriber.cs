using System.Buffers;
using Spinel.Proxy.Backends;
using Spinel.Proxy.Replies;
using Spinel.Proxy.Routing;

namespace Spinel.Proxy.Sessions;

/// <summary>
/// A client's subscribed connection to one shard. Forwards messages to the client and counts the shard's
/// confirmations so the client's own confirmation is written only once every shard involved is subscribed.
/// </summary>
internal sealed class Subscriber : IReplySink
{
    private readonly ClientSession _session;
    private readonly Lock _gate = new();
    private readonly Queue<PendingAck> _pending = new();

    public Subscriber(ClientSession session, ShardRoute route)
    {
        _session = session;
        Route = route;
        Connection = route.Pool.RentDedicated(2);
        Connection.PushHandler = this;
    }

    public ShardRoute Route { get; }

    public BackendConnection Connection { get; }

    /// <summary>What this shard has been asked to subscribe, per kind (Latin-1 strings keep the bytes).</summary>
    public HashSet<string>[] Subscriptions { get; } = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    /// <summary>Sends a (un)subscribe command whose <paramref name="confirmations"/> replies complete a part of <paramref name="request"/>.</summary>
    public void Send(ReadOnlySpan<byte> frame, PubSubRequest request, int confirmations)
    {
        lock (_gate)
        {
            _pending.Enqueue(new PendingAck(request, confirmations));
        }
        Connection.SendToPushHandler(frame);
        Connection.Flush();
    }

    public void OnReply(in ReadOnlySequence<byte> frame)
    {
        var bytes = frame.ToArray();
        var node = RespNode.Parse(bytes);
        var kind = node.Children.Count > 0 ? node.Children[0].Text.ToLowerInvariant() : string.Empty;
        switch (kind)
        {
            case "message" or "pmessage" or "smessage":
                _session.Push(bytes);
                break;
            case "subscribe" or "psubscribe" or "ssubscribe" or "unsubscribe" or "punsubscribe" or "sunsubscribe":
                PubSubRequest? done = null;
                lock (_gate)
                {
                    if (_pending.TryPeek(out var head) && --head.Remaining == 0)
                    {
                        _pending.Dequeue();
                        done = head.Request;
                    }
                }
                done?.OnShardDone();
                break;
        }
    }

    public void OnFailure(string error) => _session.Abort("subscribed shard connection lost");

    private sealed class PendingAck(PubSubRequest request, int remaining)
    {
        public PubSubRequest Request { get; } = request;

        public int Remaining { get; set; } = remaining;
    }
}
