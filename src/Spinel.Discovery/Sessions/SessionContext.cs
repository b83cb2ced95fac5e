using Microsoft.Extensions.Logging;
using Spinel.Discovery.PubSub;
using Spinel.Discovery.View;

namespace Spinel.Discovery.Sessions;

/// <summary>What every session of one discovery service shares.</summary>
internal sealed class SessionContext(SentinelViewSource views, SubscriberRegistry subscribers, int port, TimeProvider time, ILogger logger)
{
    private long _nextClientId;
    private int _clients;

    public SentinelViewSource Views => views;

    public SubscriberRegistry Subscribers => subscribers;

    /// <summary>The port the service listens on, for INFO.</summary>
    public int Port => port;

    public TimeProvider Time => time;

    public ILogger Logger => logger;

    public DateTimeOffset StartedAt { get; } = time.GetUtcNow();

    public int ClientCount => Volatile.Read(ref _clients);

    public long NextClientId() => Interlocked.Increment(ref _nextClientId);

    public void OnClientOpened() => Interlocked.Increment(ref _clients);

    public void OnClientClosed() => Interlocked.Decrement(ref _clients);
}
