using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Spinel.Proxy.Tests.Infrastructure;

/// <summary>Records the event ids the proxy logs, so tests can wait for what it noticed (a shard down, a hold applied).</summary>
internal sealed class LogCapture : ILoggerProvider, ILogger
{
    private readonly ConcurrentQueue<int> _events = new();

    public bool Contains(int eventId) => _events.Contains(eventId);

    public int Count(int eventId) => _events.Count(e => e == eventId);

    /// <summary>Waits until the event was logged more than <paramref name="seenBefore"/> times.</summary>
    public async Task WaitForAsync(int eventId, int seenBefore = 0)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (Count(eventId) <= seenBefore)
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"The proxy did not log event {eventId}.");
            }
            await Task.Delay(10);
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        _events.Enqueue(eventId.Id);

    public void Dispose()
    {
    }
}
