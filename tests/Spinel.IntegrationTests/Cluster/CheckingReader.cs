using System.Globalization;
using StackExchange.Redis;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>
/// A real client reading, in a loop through one endpoint, random string keys of <see cref="TypedKeys"/> (pipelined ten
/// at a time) and a hash field, checking each value; it records errors and wrong or missing values.
/// </summary>
public sealed class CheckingReader : IAsyncDisposable
{
    private readonly ConnectionMultiplexer _connection;
    private readonly int _keyCount;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<string> _problems = [];
    private readonly Task _loop;
    private long _reads;

    private CheckingReader(ConnectionMultiplexer connection, int keyCount)
    {
        _connection = connection;
        _keyCount = keyCount;
        _loop = Task.Run(RunAsync);
    }

    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Errors, and values missing or wrong.</summary>
    public IReadOnlyList<string> Problems { get { lock (_problems) { return [.. _problems]; } } }

    public static async Task<CheckingReader> StartAsync(string endpoint, TypedKeys keys)
    {
        var connection = await ConnectionMultiplexer.ConnectAsync($"{endpoint},abortConnect=false,connectTimeout=2000,syncTimeout=5000,asyncTimeout=5000");
        return new CheckingReader(connection, keys.Count);
    }

    public async Task StopAsync()
    {
        await _stop.CancelAsync();
        await _loop;
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
        var random = new Random(7);
        while (!_stop.IsCancellationRequested)
        {
            // Indexes 8k are strings, 8k + 1 hashes (see TypedKeys).
            var strings = Enumerable.Range(0, 10).Select(_ => random.Next(_keyCount / 8) * 8).ToArray();
            var hash = random.Next(_keyCount / 8) * 8 + 1;
            try
            {
                var values = strings.Select(i => db.StringGetAsync(TypedKeys.KeyOf(i))).ToArray();
                var field = db.HashGetAsync(TypedKeys.KeyOf(hash), "f");
                await Task.WhenAll(Task.WhenAll(values), field);
                for (var n = 0; n < strings.Length; n++)
                {
                    Expect(TypedKeys.KeyOf(strings[n]), values[n].Result, strings[n]);
                }
                Expect(TypedKeys.KeyOf(hash), field.Result, hash);
                Interlocked.Add(ref _reads, strings.Length + 1);
            }
            catch (Exception e) when (e is RedisException or TimeoutException)
            {
                Add(e.Message);
                await Task.Delay(10);
            }
        }
    }

    private void Expect(string key, RedisValue value, int i)
    {
        if (value != i.ToString(CultureInfo.InvariantCulture))
        {
            Add($"{key} read as {(value.IsNull ? "(nil)" : value.ToString())}");
        }
    }

    private void Add(string problem)
    {
        lock (_problems)
        {
            _problems.Add(problem);
        }
    }
}
