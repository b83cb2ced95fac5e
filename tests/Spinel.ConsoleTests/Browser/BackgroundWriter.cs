using StackExchange.Redis;

namespace Spinel.ConsoleTests.Browser;

/// <summary>SETs through a database endpoint in a loop until disposed; errors (a failover in progress) are counted, not thrown.</summary>
public sealed class BackgroundWriter : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _redis;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;
    private long _writes;

    private BackgroundWriter(ConnectionMultiplexer redis)
    {
        _redis = redis;
        _loop = Task.Run(LoopAsync);
    }

    public long Writes => Interlocked.Read(ref _writes);

    public static async Task<BackgroundWriter> StartAsync(string endpoint) =>
        new(await ConnectionMultiplexer.ConnectAsync($"{endpoint},abortConnect=false,connectTimeout=5000"));

    public async Task WaitForWritesAsync(long count)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (Writes < count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"only {Writes} writes went through in 20 s");
            await Task.Delay(50);
        }
    }

    private async Task LoopAsync()
    {
        var db = _redis.GetDatabase();
        for (var i = 0; !_stop.IsCancellationRequested; i++)
        {
            try
            {
                await db.StringSetAsync($"order:{i % 1000}", i);
                Interlocked.Increment(ref _writes);
            }
            catch (RedisException)
            {
                await Task.Delay(50);
            }
            catch (TimeoutException)
            {
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _loop;
        await _redis.DisposeAsync();
        _stop.Dispose();
    }
}
