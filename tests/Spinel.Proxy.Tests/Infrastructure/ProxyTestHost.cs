using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spinel.Model;
using Spinel.Proxy.Hosting;
using Spinel.Resp.Slots;

namespace Spinel.Proxy.Tests.Infrastructure;

/// <summary>
/// The proxy alone in a host, serving one database whose masters are given redis-servers (the slots split evenly
/// between them), with an in-memory topology the test changes through <see cref="PublishAsync"/>.
/// </summary>
internal sealed class ProxyTestHost : IAsyncDisposable
{
    private readonly IHost _host;

    private ProxyTestHost(IHost host, InMemoryTopologySource topology, DatabaseConfig database, LogCapture logs)
    {
        _host = host;
        Topology = topology;
        Database = database;
        Logs = logs;
    }

    public InMemoryTopologySource Topology { get; }

    /// <summary>The database as last published.</summary>
    public DatabaseConfig Database { get; private set; }

    public LogCapture Logs { get; }

    public static async Task<ProxyTestHost> StartAsync(IReadOnlyList<TestRedisServer> masters, Action<ProxyOptions>? configure = null, IWriteFence? fence = null,
        IReadOnlyList<string>? shardKeyRegex = null)
    {
        var ranges = SlotRange.SplitEvenly(masters.Count);
        var database = new DatabaseConfig
        {
            Uid = 1,
            Name = "db1",
            Port = FreePort.Next(),
            EndpointNodes = [1],
            Shards = [.. masters.Select((server, i) => Master(i + 1, server, ranges[i]))],
            ShardKeyRegex = shardKeyRegex ?? [],
        };
        var topology = new InMemoryTopologySource(new TopologySnapshot { Version = 1, Databases = [database] });
        var logs = new LogCapture();
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddProvider(logs);
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Services.AddSingleton<ITopologySource>(topology);
        if (fence is not null)
        {
            builder.Services.AddSingleton(fence);
        }
        builder.Services.AddSpinelProxy(o =>
        {
            o.NodeUid = 1;
            configure?.Invoke(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        var proxy = new ProxyTestHost(host, topology, database, logs);
        await proxy.WaitUntilListeningAsync();
        return proxy;
    }

    public static ShardConfig Master(int uid, TestRedisServer server, SlotRange slots, bool held = false) => new()
    {
        Uid = uid,
        BdbUid = 1,
        NodeUid = 1,
        Host = "127.0.0.1",
        Port = server.Port,
        Slots = [slots],
        Held = held,
    };

    public Task<TestRespClient> ConnectAsync() => TestRespClient.ConnectAsync(Database.Port);

    /// <summary>Publishes the next topology version with the database's shards replaced.</summary>
    public void Publish(params ShardConfig[] shards)
    {
        Database = Database with { Shards = shards };
        Topology.Update(new TopologySnapshot { Version = Topology.Current.Version + 1, Databases = [Database] });
    }

    /// <summary>Publishes the next topology version with the database and the cluster's nodes replaced.</summary>
    public void Publish(DatabaseConfig database, IReadOnlyList<NodeConfig> nodes)
    {
        Database = database;
        Topology.Update(new TopologySnapshot { Version = Topology.Current.Version + 1, Databases = [Database], Nodes = nodes });
    }

    /// <summary>Publishes the database with the hold of the shard <paramref name="uid"/> set or cleared, and waits until the proxy applied it.</summary>
    public async Task SetHeldAsync(int uid, bool held)
    {
        var applied = held ? EventIds.ShardHeld : EventIds.ShardReleased;
        var seen = Logs.Count(applied);
        Publish([.. Database.Shards.Select(s => s.Uid == uid ? s with { Held = held } : s)]);
        await Logs.WaitForAsync(applied, seen);
    }

    /// <summary>A key whose slot the shard <paramref name="uid"/> serves.</summary>
    public string KeyOn(int uid, string prefix)
    {
        var shard = Database.Shards.Single(s => s.Uid == uid);
        for (var i = 0; ; i++)
        {
            var key = $"{prefix}:{i}";
            var slot = HashSlot.Compute(System.Text.Encoding.UTF8.GetBytes(key));
            if (shard.Slots.Any(r => r.Contains(slot)))
            {
                return key;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
    }

    private async Task WaitUntilListeningAsync()
    {
        var statuses = _host.Services.GetRequiredService<IEndpointStatusProvider>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (statuses.GetStatuses().All(s => s.State != EndpointState.Listening))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("The endpoint did not start listening.");
            }
            await Task.Delay(10);
        }
    }
}
