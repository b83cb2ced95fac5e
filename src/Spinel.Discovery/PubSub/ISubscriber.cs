namespace Spinel.Discovery.PubSub;

/// <summary>A client session with subscriptions, as the <see cref="SubscriberRegistry"/> delivers to it.</summary>
internal interface ISubscriber
{
    long Id { get; }

    /// <summary>Queues the message for each of the subscriber's channels and patterns it matches; returns how many it queued.</summary>
    int Deliver(string channel, string payload);
}
