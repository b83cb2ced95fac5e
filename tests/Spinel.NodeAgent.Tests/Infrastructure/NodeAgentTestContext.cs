using System.Globalization;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Spinel.Model;
using Spinel.NodeAgent.Supervision;
using Xunit.Abstractions;

namespace Spinel.NodeAgent.Tests.Infrastructure;

/// <summary>
/// One supervisor over its own temporary data dir and in-memory topology. Disposing it stops the supervisor,
/// kills any redis-server still named by a pid file under the data dir and deletes the dir.
/// </summary>
internal sealed class NodeAgentTestContext : IAsyncDisposable
{
    private readonly TimeProvider _timeProvider;
    private bool _started;

    public NodeAgentTestContext(ITestOutputHelper output, TopologySnapshot initial, TimeProvider? timeProvider = null, Action<NodeAgentOptions>? configure = null)
    {
        DataDir = CreateDataDir();
        Options = DefaultOptions(DataDir);
        configure?.Invoke(Options);
        Topology = new InMemoryTopologySource(initial);
        LoggerFactory = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(new XunitLoggerProvider(output)).SetMinimumLevel(LogLevel.Debug));
        _timeProvider = timeProvider ?? TimeProvider.System;
        Supervisor = CreateSupervisor();
    }

    public string DataDir { get; }

    public NodeAgentOptions Options { get; }

    public InMemoryTopologySource Topology { get; }

    public ILoggerFactory LoggerFactory { get; }

    public ShardSupervisor Supervisor { get; private set; }

    public static NodeAgentOptions DefaultOptions(string dataDir) => new()
    {
        NodeUid = TestTopology.ThisNode,
        DataDir = dataDir,
        StartTimeout = TimeSpan.FromSeconds(10),
        StopTimeout = TimeSpan.FromSeconds(3),
        RestartDelay = TimeSpan.FromMilliseconds(100),
        MaxRestartDelay = TimeSpan.FromSeconds(1),
        HealthCheckInterval = TimeSpan.FromMilliseconds(250),
        HealthCheckTimeout = TimeSpan.FromMilliseconds(500),
    };

    public static string CreateDataDir()
    {
        var dir = Path.Combine(Path.GetTempPath(), "spinel-nodeagent-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    public string ShardDirectory(int shardUid) => Path.Combine(DataDir, "shards", shardUid.ToString(CultureInfo.InvariantCulture));

    public async Task StartAsync()
    {
        _started = true;
        await Supervisor.StartAsync(CancellationToken.None);
    }

    /// <summary>Stops the supervisor as a node shutdown would, then starts a new one over the same data dir and topology.</summary>
    public async Task RestartSupervisorAsync()
    {
        using (var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15)))
        {
            await Supervisor.StopAsync(timeout.Token);
        }
        Supervisor.Dispose();
        Supervisor = CreateSupervisor();
        await StartAsync();
    }

    public ShardStatus? Status(int shardUid) => Supervisor.GetStatuses().SingleOrDefault(s => s.ShardUid == shardUid);

    public Task<ShardStatus?> WaitForAsync(int shardUid, Func<ShardStatus, bool> condition, string what, TimeSpan? timeout = null) =>
        Eventually.ValueAsync(() => Status(shardUid), s => s is not null && condition(s), $"shard {shardUid}: {what}", timeout);

    public async Task<ShardStatus> WaitForRunningAsync(int shardUid)
    {
        var status = await WaitForAsync(shardUid, s => s is { State: ShardState.Running, Pid: not null }, "Running");
        return status!;
    }

    private ShardSupervisor CreateSupervisor() =>
        new(Topology, Microsoft.Extensions.Options.Options.Create(Options), _timeProvider, LoggerFactory);

    public async ValueTask DisposeAsync()
    {
        if (_started)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await Supervisor.StopAsync(timeout.Token);
        }
        Supervisor.Dispose();
        KillLeftovers(DataDir);
        LoggerFactory.Dispose();
        try
        {
            Directory.Delete(DataDir, recursive: true);
        }
        catch (IOException)
        {
            // A leftover being killed may still hold a file; the temp dir is cleaned by the OS eventually.
        }
    }

    /// <summary>Kills any process named by a pid file under <paramref name="dataDir"/>, so a failed test leaves nothing running.</summary>
    public static void KillLeftovers(string dataDir)
    {
        var shards = Path.Combine(dataDir, "shards");
        if (!Directory.Exists(shards))
        {
            return;
        }
        foreach (var pidFile in Directory.EnumerateFiles(shards, "redis.pid", SearchOption.AllDirectories))
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid) && Pids.IsRunning(pid))
            {
                var commandLine = File.ReadAllText($"/proc/{pid}/cmdline");
                if (commandLine.Contains("redis-server", StringComparison.Ordinal))
                {
                    Pids.KillQuietly(pid);
                }
            }
        }
    }
}
