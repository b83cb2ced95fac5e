using System.Collections.Concurrent;
using System.Diagnostics;

namespace Spinel.IntegrationTests.Cluster;

/// <summary>A real <c>spinel-node</c> process in cluster mode on its own loopback address, with its output kept for failures.</summary>
public sealed class ClusterNodeProcess : IAsyncDisposable
{
    private readonly string[] _extraArgs;
    private Process? _process;

    public ClusterNodeProcess(string address, string dataDir, params string[] extraArgs)
    {
        Address = address;
        DataDir = dataDir;
        _extraArgs = extraArgs;
    }

    /// <summary>The DNS port every test node serves the cluster zone on; a high one, as for any local cluster.</summary>
    public const int DnsPort = 8053;

    public string Address { get; }

    public string DataDir { get; }

    public ConcurrentQueue<string> Output { get; } = new();

    public bool IsRunning => _process is { HasExited: false };

    public string RestUrl => $"https://{Address}:9443";

    public void Start()
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "spinel-node.dll"));
        foreach (var arg in new[]
        {
            "--Node:Address", Address, "--Node:DataDir", DataDir,
            // Test machines are busy; elections must not churn when a thread stalls for a few hundred ms.
            "--ControlPlane:LowerElectionTimeout", "00:00:00.400", "--ControlPlane:UpperElectionTimeout", "00:00:00.800",
            "--Logging:LogLevel:Default", "Information", "--Logging:LogLevel:Microsoft.AspNetCore", "Warning",
            "--Logging:Console:FormatterName", "simple", "--Logging:Console:FormatterOptions:TimestampFormat", "HH:mm:ss.fff ",
            "--Logging:Console:FormatterOptions:SingleLine", "true",
            "--Dns:Port", DnsPort.ToString(System.Globalization.CultureInfo.InvariantCulture),
        }.Concat(_extraArgs))
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) Output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Output.Enqueue("ERR " + e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
    }

    /// <summary>kill -9 of the node process alone: its redis-server children live on as orphans, as after a real crash.</summary>
    public async Task KillAsync()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: false);
            await WaitForExitAsync(process, TimeSpan.FromSeconds(10));
        }
    }

    // Not Process.WaitForExitAsync: it also waits for the end of the redirected output, which orphaned shards that
    // inherited the pipe keep open after a kill -9.
    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!process.HasExited)
        {
            if (DateTime.UtcNow > deadline)
            {
                return false;
            }
            await Task.Delay(20);
        }
        return true;
    }

    /// <summary>kill -9 of the node and of every redis-server it runs, as when the machine dies.</summary>
    public async Task KillWithShardsAsync()
    {
        var shards = ShardPids();
        if (_process is { HasExited: false } process)
        {
            process.Kill(entireProcessTree: true);
            await WaitForExitAsync(process, TimeSpan.FromSeconds(10));
        }
        foreach (var pid in shards)
        {
            Signal(pid, "KILL");
        }
    }

    /// <summary>Sends a signal (STOP, CONT) to the node and its shards: STOP looks like a partition to everyone else.</summary>
    public void SignalAll(string signal)
    {
        if (_process is { HasExited: false } process)
        {
            Signal(process.Id, signal);
        }
        foreach (var pid in ShardPids())
        {
            Signal(pid, signal);
        }
    }

    /// <summary>The pid of the redis-server of a shard of this node; null when it has none running.</summary>
    public int? ShardPid(int shardUid)
    {
        var file = Path.Combine(DataDir, "shards", shardUid.ToString(System.Globalization.CultureInfo.InvariantCulture), "redis.pid");
        return File.Exists(file) && int.TryParse(File.ReadAllText(file).Trim(), out var pid) && File.Exists($"/proc/{pid}/cmdline") ? pid : null;
    }

    /// <summary>The port of a shard of this node from its redis.conf; null when the node never ran it.</summary>
    public int? ShardPort(int shardUid)
    {
        var conf = Path.Combine(DataDir, "shards", shardUid.ToString(System.Globalization.CultureInfo.InvariantCulture), "redis.conf");
        if (!File.Exists(conf))
        {
            return null;
        }
        var line = File.ReadLines(conf).FirstOrDefault(l => l.StartsWith("port ", StringComparison.Ordinal));
        return line is not null && int.TryParse(line.AsSpan(5).Trim(), out var port) ? port : null;
    }

    public static void Signal(int pid, string signal) =>
        Process.Start("kill", [$"-{signal}", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();

    private List<int> ShardPids()
    {
        var shards = Path.Combine(DataDir, "shards");
        if (!Directory.Exists(shards))
        {
            return [];
        }
        return Directory.GetDirectories(shards)
            .Select(d => int.TryParse(Path.GetFileName(d), out var uid) ? ShardPid(uid) : null)
            .OfType<int>()
            .ToList();
    }

    /// <summary>SIGTERM and wait for a clean exit.</summary>
    public async Task StopAsync()
    {
        if (_process is not { HasExited: false } process)
        {
            return;
        }
        Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!.WaitForExit();
        if (!await WaitForExitAsync(process, TimeSpan.FromSeconds(20)))
        {
            process.Kill(entireProcessTree: true);
        }
    }

    public string Tail(int lines = 40) => string.Join('\n', Output.TakeLast(lines));

    public async ValueTask DisposeAsync()
    {
        if (_process is { } process)
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await WaitForExitAsync(process, TimeSpan.FromSeconds(10));
            }
            process.Dispose();
        }
        KillOrphans();
    }

    /// <summary>Shards left by a killed node are reaped by the next start; a test that ends kills them itself.</summary>
    private void KillOrphans()
    {
        var shards = Path.Combine(DataDir, "shards");
        if (!Directory.Exists(shards))
        {
            return;
        }
        foreach (var pidFile in Directory.GetFiles(shards, "redis.pid", SearchOption.AllDirectories))
        {
            if (int.TryParse(File.ReadAllText(pidFile).Trim(), out var pid))
            {
                try
                {
                    using var orphan = Process.GetProcessById(pid);
                    if (orphan.ProcessName.StartsWith("redis", StringComparison.Ordinal))
                    {
                        orphan.Kill();
                    }
                }
                catch (ArgumentException)
                {
                }
                catch (InvalidOperationException)
                {
                }
            }
        }
    }
}
