using System.Diagnostics;
using StackExchange.Redis;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>
/// A real client (StackExchange.Redis) writing <c>SET w:i i</c> followed by <c>WAIT 1</c> in a loop through one endpoint,
/// remembering which writes a replica acknowledged, which only the master did, which failed, and the longest stretch
/// without a successful write.
/// </summary>
public sealed class AckedWriter : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _connection;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<int> _acked = [];
    private readonly List<int> _unacked = [];
    private readonly List<string> _errors = [];
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly Task _loop;
    private long _lastSuccess;
    private long _longestGap;
    private int _next;

    private AckedWriter(ConnectionMultiplexer connection)
    {
        _connection = connection;
        _loop = Task.Run(RunAsync);
    }

    public string Prefix { get; } = "w:" + Guid.NewGuid().ToString("N")[..6] + ":";

    public static async Task<AckedWriter> StartAsync(string endpoint)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync($"{endpoint},abortConnect=false,connectTimeout=2000,syncTimeout=5000,asyncTimeout=5000");
        return new AckedWriter(connection);
    }

    public IReadOnlyList<int> Acked { get { lock (_acked) { return [.. _acked]; } } }

    public int AckedCount { get { lock (_acked) { return _acked.Count; } } }

    public int UnackedCount { get { lock (_acked) { return _unacked.Count; } } }

    public IReadOnlyList<string> Errors { get { lock (_acked) { return [.. _errors]; } } }

    /// <summary>The longest time between two successful writes so far (the client-visible unavailability).</summary>
    public TimeSpan LongestGap => TimeSpan.FromMilliseconds(Math.Max(Interlocked.Read(ref _longestGap), _clock.ElapsedMilliseconds - Interlocked.Read(ref _lastSuccess)));

    /// <summary>Starts measuring <see cref="LongestGap"/> from now.</summary>
    public void ResetGap()
    {
        Interlocked.Exchange(ref _lastSuccess, _clock.ElapsedMilliseconds);
        Interlocked.Exchange(ref _longestGap, 0);
    }

    /// <summary>Waits until <paramref name="more"/> further writes were acknowledged by a replica.</summary>
    public Task WaitForAckedAsync(int more, TimeSpan timeout) => WaitForAsync(() => AckedCount, more, timeout, "WAIT-acknowledged writes");

    /// <summary>Waits until <paramref name="more"/> further writes were taken (acknowledged by a replica or not).</summary>
    public Task WaitForWritesAsync(int more, TimeSpan timeout) => WaitForAsync(() => AckedCount + UnackedCount, more, timeout, "writes");

    private async Task WaitForAsync(Func<int> count, int more, TimeSpan timeout, string what)
    {
        var target = count() + more;
        var deadline = DateTime.UtcNow + timeout;
        while (count() < target)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {count()}/{target} {what} after {timeout}; last errors: {string.Join(" | ", Errors.TakeLast(5))}");
            await Task.Delay(20);
        }
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
    }

    /// <summary>Reads every acknowledged key back through <paramref name="endpoint"/>; returns those missing or wrong.</summary>
    public async Task<IReadOnlyList<int>> FindLostAsync(string endpoint)
    {
        await using var reader = await ConnectionMultiplexer.ConnectAsync(endpoint);
        var db = reader.GetDatabase();
        var lost = new List<int>();
        foreach (var chunk in Acked.Chunk(500))
        {
            var values = await db.StringGetAsync(chunk.Select(i => (RedisKey)(Prefix + i)).ToArray());
            lost.AddRange(chunk.Where((i, n) => values[n] != i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        }
        return lost;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_stop.IsCancellationRequested)
        {
            await StopAsync();
        }
        await _connection.DisposeAsync();
        _stop.Dispose();
    }

    private async Task RunAsync()
    {
        var db = _connection.GetDatabase();
        while (!_stop.IsCancellationRequested)
        {
            var i = _next++;
            var value = i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            try
            {
                await db.StringSetAsync(Prefix + i, value);
                // Availability is about writes taken; WAIT may then time out while a new replica syncs.
                var now = _clock.ElapsedMilliseconds;
                var gap = now - Interlocked.Exchange(ref _lastSuccess, now);
                if (gap > Interlocked.Read(ref _longestGap))
                {
                    Interlocked.Exchange(ref _longestGap, gap);
                }
                var replicas = (long)await db.ExecuteAsync("WAIT", 1, 200);
                lock (_acked)
                {
                    (replicas >= 1 ? _acked : _unacked).Add(i);
                }
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                lock (_acked)
                {
                    _errors.Add(e.Message);
                }
                await Task.Delay(10);
            }
        }
    }
}
