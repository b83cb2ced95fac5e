using Spinel.Discovery.PubSub;
using Spinel.Resp.Commands;

namespace Spinel.Discovery.Sessions;

internal sealed partial class SentinelSession
{
    // Guards the subscriptions and orders the queue: confirmations are queued and messages delivered under it, so a
    // client never gets a message before its subscribe confirmation or after its unsubscribe confirmation.
    private readonly Lock _pubSubGate = new();
    private readonly HashSet<string> _channels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _patterns = new(StringComparer.Ordinal);

    private bool IsSubscribed
    {
        get
        {
            lock (_pubSubGate)
            {
                return _channels.Count + _patterns.Count > 0;
            }
        }
    }

    public int Deliver(string channel, string payload)
    {
        var queued = 0;
        lock (_pubSubGate)
        {
            if (_channels.Contains(channel))
            {
                queued += Push(PubSubFrames.Message(channel, payload, Protocol));
            }
            foreach (var pattern in _patterns)
            {
                if (GlobPattern.IsMatch(pattern, channel, ignoreCase: false))
                {
                    queued += Push(PubSubFrames.PatternMessage(pattern, channel, payload, Protocol));
                }
            }
        }
        return queued;
    }

    private int Push(byte[] message)
    {
        if (Volatile.Read(ref _pendingBytes) > MaxPendingPushBytes)
        {
            Log.SlowSubscriberDropped(_context.Logger, Id, _connection.RemoteEndPoint);
            _connection.Abort();
            return 0;
        }
        Enqueue(message);
        return 1;
    }

    private void Subscribe(bool pattern)
    {
        _context.Subscribers.Add(this);
        lock (_pubSubGate)
        {
            var set = pattern ? _patterns : _channels;
            for (var i = 1; i < _request.ArgCount; i++)
            {
                var name = Arg(i);
                set.Add(name);
                PubSubFrames.WriteConfirmation(_reply, pattern ? "psubscribe" : "subscribe", name, _channels.Count + _patterns.Count, Protocol);
            }
            QueueReply();
        }
    }

    private void Unsubscribe(bool pattern)
    {
        var kind = pattern ? "punsubscribe" : "unsubscribe";
        lock (_pubSubGate)
        {
            var set = pattern ? _patterns : _channels;
            var names = _request.ArgCount > 1 ? Enumerable.Range(1, _request.ArgCount - 1).Select(Arg).ToList() : set.ToList();
            if (names.Count == 0)
            {
                PubSubFrames.WriteConfirmation(_reply, kind, null, _channels.Count + _patterns.Count, Protocol);
            }
            foreach (var name in names)
            {
                set.Remove(name);
                PubSubFrames.WriteConfirmation(_reply, kind, name, _channels.Count + _patterns.Count, Protocol);
            }
            QueueReply();
            if (_channels.Count + _patterns.Count == 0)
            {
                _context.Subscribers.Remove(this);
            }
        }
    }

    private void UnsubscribeAll()
    {
        lock (_pubSubGate)
        {
            _channels.Clear();
            _patterns.Clear();
            _context.Subscribers.Remove(this);
        }
    }
}
