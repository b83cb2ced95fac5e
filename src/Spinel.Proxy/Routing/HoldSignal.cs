using Spinel.Model;

namespace Spinel.Proxy.Routing;

/// <summary>
/// Wakes the client sessions that hold a request back (for a held shard or a closed write fence) whenever something
/// happened that may release it: a new routing table, a shard reachable again, the write fence opening. Waiters
/// re-check their own condition after each pulse. Thread-safe.
/// </summary>
internal sealed class HoldSignal : IDisposable
{
    // The fence has no change notification (a lease is a timestamp): it is polled, but only while a write waits on it.
    private static readonly TimeSpan FencePollInterval = TimeSpan.FromMilliseconds(10);

    private readonly IWriteFence? _fence;
    private readonly TimeProvider _time;
    private readonly Lock _gate = new();
    private TaskCompletionSource _next = NewSource();
    private ITimer? _fencePoll;
    private int _fenceWaiters;

    public HoldSignal(IWriteFence? fence, TimeProvider time)
    {
        _fence = fence;
        _time = time;
    }

    /// <summary>Completes at the next pulse; take it before checking the condition, so no pulse is missed.</summary>
    public Task NextPulse => Volatile.Read(ref _next).Task;

    public void Pulse() => Interlocked.Exchange(ref _next, NewSource()).TrySetResult();

    /// <summary>Polls the write fence (pulsing when it allows writes) until the matching <see cref="EndFenceWait"/>.</summary>
    public void BeginFenceWait()
    {
        lock (_gate)
        {
            if (_fenceWaiters++ == 0)
            {
                _fencePoll = _time.CreateTimer(_ => PollFence(), null, FencePollInterval, FencePollInterval);
            }
        }
    }

    public void EndFenceWait()
    {
        lock (_gate)
        {
            if (--_fenceWaiters == 0)
            {
                _fencePoll?.Dispose();
                _fencePoll = null;
            }
        }
    }

    public void Dispose()
    {
        lock (_gate)
        {
            _fencePoll?.Dispose();
            _fencePoll = null;
        }
        Pulse();
    }

    private void PollFence()
    {
        if (_fence is null || _fence.AllowsWrites)
        {
            Pulse();
        }
    }

    // Waiters resume on the thread pool, never inline in the code that pulses (topology updates, backend readers).
    private static TaskCompletionSource NewSource() => new(TaskCreationOptions.RunContinuationsAsynchronously);
}
