using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Spinel.Model;
using Spinel.NodeAgent;
using Spinel.Proxy;
using Spinel.Proxy.Hosting;
using StackExchange.Redis;

namespace Spinel.IntegrationTests.Infrastructure;

/// <summary>
/// A whole Spinel node in this process: the node agent runs real redis-server shards, the proxy serves the
/// database endpoint. The topology can be changed through <see cref="Topology"/>.
/// </summary>
public sealed class SpinelTestNode : IAsyncDisposable
{
    private readonly IHost _host;
    private readonly string _dataDir;

    private SpinelTestNode(IHost host, InMemoryTopologySource topology, DatabaseConfig database, string dataDir)
    {
        _host = host;
        Topology = topology;
        Database = database;
        _dataDir = dataDir;
    }

    public InMemoryTopologySource Topology { get; }

    public DatabaseConfig Database { get; }

    public int Port => Database.Port;

    public IReadOnlyList<ShardConfig> Shards => Database.Shards;

    public IServiceProvider Services => _host.Services;

    public static async Task<SpinelTestNode> StartAsync(int shards = 3, string? password = null, Action<ProxyOptions>? proxy = null,
        int maxConnections = 10000, long memoryBytes = 0, System.Security.Cryptography.X509Certificates.X509Certificate2? tlsCertificate = null)
    {
        var dataDir = Path.Combine(Path.GetTempPath(), "spinel-it-" + Guid.NewGuid().ToString("N")[..12]);
        var ranges = Model.SlotRange.SplitEvenly(shards);
        var database = new DatabaseConfig
        {
            Uid = 1,
            Name = "db1",
            Port = FreePorts.NextEndpointPort(),
            Password = password,
            MemorySizeBytes = memoryBytes,
            MaxConnections = maxConnections,
            Tls = tlsCertificate is not null,
            EndpointNodes = [1],
            Shards = [.. ranges.Select((range, i) => new ShardConfig
            {
                Uid = i + 1,
                BdbUid = 1,
                NodeUid = 1,
                Host = "127.0.0.1",
                Port = FreePorts.NextShardPort(),
                Slots = [range],
                MaxMemoryBytes = memoryBytes / shards,
            })],
        };
        var topology = new InMemoryTopologySource(new TopologySnapshot { Version = 1, Databases = [database] });
        var builder = Host.CreateApplicationBuilder();
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole().SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddSingleton<ITopologySource>(topology);
        if (tlsCertificate is not null)
        {
            builder.Services.AddSingleton<Spinel.Proxy.Tls.IEndpointCertificateSource>(new FixedCertificate(tlsCertificate));
        }
        builder.Services.AddNodeAgent(o =>
        {
            o.NodeUid = 1;
            o.DataDir = dataDir;
        });
        builder.Services.AddSpinelProxy(o =>
        {
            o.NodeUid = 1;
            proxy?.Invoke(o);
        });
        var host = builder.Build();
        await host.StartAsync();
        var node = new SpinelTestNode(host, topology, database, dataDir);
        await node.WaitUntilReadyAsync();
        return node;
    }

    /// <summary>Waits until every shard answers PING directly and the endpoint answers too.</summary>
    public async Task WaitUntilReadyAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        foreach (var shard in Shards)
        {
            while (true)
            {
                try
                {
                    await using var client = await RawRespClient.ConnectAsync(shard.Port);
                    if (await client.CommandAsync("PING") == "+PONG")
                    {
                        break;
                    }
                }
                catch (Exception) when (DateTime.UtcNow < deadline)
                {
                }
                await Task.Delay(50);
                if (DateTime.UtcNow > deadline)
                {
                    throw new TimeoutException($"Shard on port {shard.Port} did not start.");
                }
            }
        }
        while (Services.GetRequiredService<IEndpointStatusProvider>().GetStatuses().All(s => s.State != EndpointState.Listening))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException("Endpoint did not start listening.");
            }
            await Task.Delay(50);
        }
    }

    public Task<RawRespClient> ConnectRawAsync() => RawRespClient.ConnectAsync(Port);

    public Task<RawRespClient> ConnectShardAsync(int index) => RawRespClient.ConnectAsync(Shards[index].Port);

    /// <summary>A StackExchange.Redis connection to the endpoint (standalone mode, admin commands allowed).</summary>
    public async Task<ConnectionMultiplexer> ConnectAsync(string? extra = null)
    {
        var config = $"127.0.0.1:{Port},abortConnect=false,connectTimeout=5000,syncTimeout=5000,allowAdmin=true";
        if (Database.Password is not null)
        {
            config += $",password={Database.Password}";
        }
        if (extra is not null)
        {
            config += "," + extra;
        }
        return await ConnectionMultiplexer.ConnectAsync(config);
    }

    /// <summary>Runs the same commands through the endpoint and directly on shard 0 (RESP2); returns both reply lists.</summary>
    public async Task<(List<string> Proxy, List<string> Redis)> RunOnBothAsync(params string[][] commands)
    {
        await using var proxy = await ConnectRawAsync();
        await using var direct = await ConnectShardAsync(0);
        var viaProxy = new List<string>();
        var viaRedis = new List<string>();
        foreach (var command in commands)
        {
            viaProxy.Add(await proxy.CommandAsync(command));
            viaRedis.Add(await direct.CommandAsync(command));
        }
        return (viaProxy, viaRedis);
    }

    /// <summary>The index of the master shard that owns the key's slot.</summary>
    public int ShardIndexOf(string key)
    {
        var slot = Resp.Slots.HashSlot.Compute(System.Text.Encoding.UTF8.GetBytes(key));
        for (var i = 0; i < Shards.Count; i++)
        {
            if (Shards[i].Slots.Any(r => r.Contains(slot)))
            {
                return i;
            }
        }
        throw new InvalidOperationException($"No shard owns slot {slot}.");
    }

    /// <summary>A key name with the given prefix that lands on the given shard.</summary>
    public string KeyOnShard(string prefix, int shardIndex)
    {
        for (var i = 0; ; i++)
        {
            var key = $"{prefix}:{i}";
            if (ShardIndexOf(key) == shardIndex)
            {
                return key;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        await _host.StopAsync(timeout.Token);
        _host.Dispose();
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private sealed class FixedCertificate(System.Security.Cryptography.X509Certificates.X509Certificate2 certificate) : Spinel.Proxy.Tls.IEndpointCertificateSource
    {
        public System.Security.Cryptography.X509Certificates.X509Certificate2? Current => certificate;
    }
}
