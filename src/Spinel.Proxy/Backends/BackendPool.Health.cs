using Microsoft.Extensions.Logging;

namespace Spinel.Proxy.Backends;

internal sealed partial class BackendPool : IShardHealth
{
    // Short enough that a restarted shard is used again well within a failover's time budget; one refused connect
    // per interval costs next to nothing.
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(50);

    private readonly TimeProvider _time;
    private readonly Action _onReachabilityChanged;
    private readonly CancellationTokenSource _disposing = new();
    private volatile bool _down;
    private bool _probing;

    /// <summary>True from a lost or failed connection until a connection (or a probe) succeeds; requests for it are held.</summary>
    public bool IsDown => _down;

    public void ReportConnected() => SetDown(false);

    public void ReportUnreachable() => SetDown(true);

    private void SetDown(bool down)
    {
        lock (_gate)
        {
            if (_down == down || _disposed)
            {
                return;
            }
            _down = down;
            if (down && !_probing)
            {
                _probing = true;
                _ = ProbeWhileDownAsync();
            }
        }
        if (down)
        {
            Log.ShardDown(_logger, EndPoint);
        }
        else
        {
            Log.ShardUp(_logger, EndPoint);
        }
        _onReachabilityChanged();
    }

    // The connections do not reconnect while the shard is down (nothing is sent to it): this loop finds out when it
    // answers again, so a restarted shard releases the held requests without a new topology.
    private async Task ProbeWhileDownAsync()
    {
        await Task.Yield();
        var token = _disposing.Token;
        try
        {
            while (true)
            {
                lock (_gate)
                {
                    // Decided under the lock, so a shard going down again right now finds a probe still running.
                    if (!_down || _disposed)
                    {
                        _probing = false;
                        return;
                    }
                }
                if (await ShardProbe.AnswersPingAsync(EndPoint, token).ConfigureAwait(false))
                {
                    SetDown(false);
                    continue;
                }
                await Task.Delay(ProbeInterval, _time, token).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException)
        {
        }
    }
}
