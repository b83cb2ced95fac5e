using System.Diagnostics;
using StackExchange.Redis;

namespace Spinel.IntegrationTests.OssCluster;

/// <summary>
/// StackExchange.Redis in cluster mode writing <c>SET prefix:i i</c> in a loop: it learns the slot layout from the
/// proxies (CLUSTER NODES) and follows -MOVED itself. Remembers the acknowledged writes, the errors, and the longest
/// stretch without a successful write.
/// </summary>
public sealed class ClusterClientWriter : IAsyncDisposable
{
    private readonly IDatabase _db;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<int> _acked = [];
    private readonly List<string> _errors = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;
    private long _lastSuccess;
    private long _longestGap;

    public ClusterClientWriter(ConnectionMultiplexer connection, string prefix)
    {
        _db = connection.GetDatabase();
        Prefix = prefix;
        _loop = Task.Run(RunAsync);
    }

    public string Prefix { get; }

    public IReadOnlyList<int> Acked { get { lock (_acked) { return [.. _acked]; } } }

    public int AckedCount { get { lock (_acked) { return _acked.Count; } } }

    public IReadOnlyList<string> Errors { get { lock (_acked) { return [.. _errors]; } } }

    public TimeSpan LongestGap => TimeSpan.FromMilliseconds(Math.Max(Interlocked.Read(ref _longestGap), _clock.ElapsedMilliseconds - Interlocked.Read(ref _lastSuccess)));

    public void ResetGap()
    {
        Interlocked.Exchange(ref _lastSuccess, _clock.ElapsedMilliseconds);
        Interlocked.Exchange(ref _longestGap, 0);
    }

    /// <summary>Waits until <paramref name="more"/> further writes were acknowledged.</summary>
    public async Task WaitForAckedAsync(int more, TimeSpan timeout)
    {
        var target = AckedCount + more;
        var deadline = DateTime.UtcNow + timeout;
        while (AckedCount < target)
        {
            Assert.True(DateTime.UtcNow < deadline,
                $"only {AckedCount} of {target} writes acknowledged within {timeout}; last errors: {string.Join(" | ", Errors.TakeLast(5))}");
            await Task.Delay(20);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        Interlocked.Exchange(ref _lastSuccess, _clock.ElapsedMilliseconds);
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            try
            {
                await _db.StringSetAsync(Prefix + i, i);
                var now = _clock.ElapsedMilliseconds;
                var gap = now - Interlocked.Exchange(ref _lastSuccess, now);
                if (gap > Interlocked.Read(ref _longestGap))
                {
                    Interlocked.Exchange(ref _longestGap, gap);
                }
                lock (_acked)
                {
                    _acked.Add(i);
                }
            }
            catch (Exception ex) when (ex is RedisException or TimeoutException)
            {
                lock (_acked)
                {
                    _errors.Add($"{i}: {ex.GetType().Name}: {ex.Message}");
                }
                await Task.Delay(10);
            }
        }
    }
}
