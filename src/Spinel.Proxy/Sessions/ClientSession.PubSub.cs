using System.Buffers;
using System.Text;
using Spinel.Proxy.Backends;
using Spinel.Proxy.Routing;
using Spinel.Resp.Framing;
using Spinel.Resp.Slots;

namespace Spinel.Proxy.Sessions;

internal sealed partial class ClientSession
{
    private static readonly string[] SubscribeNames = ["subscribe", "psubscribe", "ssubscribe"];
    private static readonly string[] UnsubscribeNames = ["unsubscribe", "punsubscribe", "sunsubscribe"];
    private static readonly string[] CommandNames = ["SUBSCRIBE", "PSUBSCRIBE", "SSUBSCRIBE"];
    private static readonly string[] UncommandNames = ["UNSUBSCRIBE", "PUNSUBSCRIBE", "SUNSUBSCRIBE"];

    private readonly Lock _pubSubGate = new();
    private readonly Dictionary<ShardRoute, Subscriber> _subscribers = [];
    private readonly HashSet<string>[] _subscriptions = [new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal)];

    public bool IsSubscribed
    {
        get
        {
            lock (_pubSubGate)
            {
                return _subscriptions[0].Count + _subscriptions[1].Count + _subscriptions[2].Count > 0;
            }
        }
    }

    /// <summary>Writes a message from a shard to the client, after the replies already owed to it.</summary>
    internal void Push(byte[] message)
    {
        if (Protocol >= 3 && message.Length > 0 && message[0] == '*')
        {
            message[0] = (byte)'>';
        }
        _queue.Enqueue().Complete(message);
    }

    private (int Channels, int Patterns, int ShardChannels) SubscriptionCounts()
    {
        lock (_pubSubGate)
        {
            return (_subscriptions[0].Count, _subscriptions[1].Count, _subscriptions[2].Count);
        }
    }

    private void Subscribe(PubSubKind kind)
    {
        var k = (int)kind;
        var names = Enumerable.Range(1, _request.ArgCount - 1).Select(i => Encoding.Latin1.GetString(_request[i])).ToList();
        var table = _database.Table;
        if (kind == PubSubKind.ShardChannel && names.Select(n => HashSlot.Compute(Encoding.Latin1.GetBytes(n))).Distinct().Count() > 1)
        {
            ReplyError(CrossSlotError);
            return;
        }
        var byShard = new Dictionary<ShardRoute, List<string>>();
        foreach (var name in names)
        {
            IEnumerable<ShardRoute> routes = kind == PubSubKind.Pattern
                ? table.Masters
                : [table.ForSlot(HashSlot.Compute(Encoding.Latin1.GetBytes(name)))!];
            foreach (var route in routes)
            {
                if (!byShard.TryGetValue(route, out var list))
                {
                    byShard[route] = list = [];
                }
                list.Add(name);
            }
        }
        var confirmation = new ArrayBufferWriter<byte>();
        lock (_pubSubGate)
        {
            foreach (var name in names)
            {
                _subscriptions[k].Add(name);
                WriteConfirmation(confirmation, SubscribeNames[k], name, CountFor(kind));
            }
        }
        var request = new PubSubRequest(NewSlot(), confirmation.WrittenSpan.ToArray(), byShard.Count);
        foreach (var (route, list) in byShard)
        {
            if (Protocol >= 3)
            {
                HoldBackUntilSubscribed(route, request);
            }
            var subscriber = SubscriberFor(route);
            subscriber.Subscriptions[k].UnionWith(list);
            subscriber.Send(RespWriter.EncodeCommand([CommandNames[k], .. list]), request, list.Count);
        }
    }

    /// <summary>
    /// A RESP3 client may send commands right behind SUBSCRIBE, and they must not reach the shard before the
    /// subscription does (a pipelined PUBLISH to the channel would miss it). Its next requests to the shard go to a
    /// held connection, released once the shard confirmed and the client's earlier requests there have run.
    /// </summary>
    private void HoldBackUntilSubscribed(ShardRoute route, PubSubRequest request)
    {
        var earlier = ConnectionFor(route);
        var gate = route.Pool.RentDedicated(Protocol);
        gate.Hold();
        gate.Hold();
        // Keeps the gate pinned (see PinnedFor) until it has been released and has run.
        gate.Send(PingFrame, DiscardSink.Instance);
        earlier.Send(PingFrame, new ActionSink(_ => gate.Release()));
        Touch(earlier);
        Pin(route.Pool, gate);
        request.WhenDone(gate.Release);
    }

    private void Unsubscribe(PubSubKind kind)
    {
        var k = (int)kind;
        var confirmation = new ArrayBufferWriter<byte>();
        var sends = new List<(Subscriber Subscriber, byte[] Frame, int Acks)>();
        lock (_pubSubGate)
        {
            List<string> names = _request.ArgCount > 1
                ? [.. Enumerable.Range(1, _request.ArgCount - 1).Select(i => Encoding.Latin1.GetString(_request[i]))]
                : [.. _subscriptions[k]];
            if (names.Count == 0)
            {
                WriteConfirmation(confirmation, UnsubscribeNames[k], null, CountFor(kind));
            }
            foreach (var name in names)
            {
                _subscriptions[k].Remove(name);
                WriteConfirmation(confirmation, UnsubscribeNames[k], name, CountFor(kind));
            }
            foreach (var subscriber in _subscribers.Values)
            {
                var mine = _request.ArgCount > 1
                    ? names.Where(subscriber.Subscriptions[k].Contains).ToList()
                    : [.. subscriber.Subscriptions[k]];
                if (mine.Count == 0)
                {
                    continue;
                }
                subscriber.Subscriptions[k].ExceptWith(mine);
                sends.Add((subscriber, RespWriter.EncodeCommand([UncommandNames[k], .. mine]), mine.Count));
            }
        }
        var request = new PubSubRequest(NewSlot(), confirmation.WrittenSpan.ToArray(), sends.Count);
        foreach (var (subscriber, frame, acks) in sends)
        {
            subscriber.Send(frame, request, acks);
        }
        request.CompleteIfNoShards();
    }

    private void Publish()
    {
        var route = _database.Table.ForSlot(HashSlot.Compute(_request[1]));
        if (route is null)
        {
            ReplyError("CLUSTERDOWN Hash slot not served");
            return;
        }
        if (HoldsBack(route))
        {
            return;
        }
        Send(route, _request.Frame.Span, NewSlot());
    }

    private int CountFor(PubSubKind kind) =>
        kind == PubSubKind.ShardChannel ? _subscriptions[2].Count : _subscriptions[0].Count + _subscriptions[1].Count;

    private Subscriber SubscriberFor(ShardRoute route)
    {
        lock (_pubSubGate)
        {
            if (!_subscribers.TryGetValue(route, out var subscriber))
            {
                _subscribers[route] = subscriber = new Subscriber(this, route);
            }
            return subscriber;
        }
    }

    private void WriteConfirmation(IBufferWriter<byte> output, string kind, string? name, int count)
    {
        RespWriter.WriteHeader(output, Protocol >= 3 ? (byte)'>' : (byte)'*', 3);
        RespWriter.WriteBulkString(output, Encoding.ASCII.GetBytes(kind));
        if (name is null)
        {
            RespWriter.WriteNull(output, Protocol);
        }
        else
        {
            RespWriter.WriteBulkString(output, Encoding.Latin1.GetBytes(name));
        }
        RespWriter.WriteInteger(output, count);
    }

    private void ResetPubSub()
    {
        List<Subscriber> subscribers;
        lock (_pubSubGate)
        {
            subscribers = [.. _subscribers.Values];
            _subscribers.Clear();
            foreach (var set in _subscriptions)
            {
                set.Clear();
            }
        }
        foreach (var subscriber in subscribers)
        {
            subscriber.Connection.PushHandler = null;
            subscriber.Connection.DisposeAsync().Forget();
        }
    }

    private Task ReleasePubSubAsync()
    {
        ResetPubSub();
        return Task.CompletedTask;
    }
}
