using System.Collections.Concurrent;

namespace Spinel.Discovery.PubSub;

/// <summary>The sessions that have subscriptions, and PUBLISH to them (the discovery service is the only publisher). Thread-safe.</summary>
internal sealed class SubscriberRegistry
{
    private readonly ConcurrentDictionary<long, ISubscriber> _subscribers = new();

    public int Count => _subscribers.Count;

    public void Add(ISubscriber subscriber) => _subscribers[subscriber.Id] = subscriber;

    public void Remove(ISubscriber subscriber) => _subscribers.TryRemove(subscriber.Id, out _);

    /// <summary>Sends <paramref name="payload"/> on <paramref name="channel"/>; returns how many messages were queued, as PUBLISH counts them.</summary>
    public int Publish(string channel, string payload)
    {
        var receivers = 0;
        foreach (var subscriber in _subscribers.Values)
        {
            receivers += subscriber.Deliver(channel, payload);
        }
        return receivers;
    }
}
