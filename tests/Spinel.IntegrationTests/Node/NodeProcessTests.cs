using System.Diagnostics;
using Spinel.IntegrationTests.Infrastructure;

namespace Spinel.IntegrationTests.Node;

/// <summary>The spinel-node daemon as a real process, as <c>./spinel up</c> runs it.</summary>
[Trait("Category", "Integration")]
public sealed class NodeProcessTests : IDisposable
{
    private readonly string _dataDir = Path.Combine(Path.GetTempPath(), "spinel-node-" + Guid.NewGuid().ToString("N")[..10]);
    private readonly int _port = FreePorts.NextEndpointPort();
    private readonly int _firstShardPort;
    private readonly List<Process> _nodes = [];

    public NodeProcessTests()
    {
        _firstShardPort = FreePorts.NextShardPort();
        // The two ports after the first are taken by the next shards; reserve them so no other test gets them.
        FreePorts.NextShardPort();
        FreePorts.NextShardPort();
    }

    [Fact]
    public async Task Start_DefaultDatabase_ServesThreeShardsAndPrintsReady()
    {
        var (node, ready) = StartNode();
        Assert.Contains($"127.0.0.1:{_port}", await ready.WaitAsync(TimeSpan.FromSeconds(60)));
        await using var client = await RawRespClient.ConnectAsync(_port);
        Assert.Equal("+OK", await client.CommandAsync("SET", "a", "1"));
        Assert.Equal("+OK", await client.CommandAsync("SET", "b", "2"));
        Assert.Equal("+OK", await client.CommandAsync("SET", "c", "3"));
        Assert.Equal(":3", await client.CommandAsync("DBSIZE"));
        Assert.Equal(3, ShardPids().Count);
        await StopAsync(node);
    }

    [Fact]
    public async Task Stop_Sigterm_LeavesNoRedisServerBehind()
    {
        var (node, ready) = StartNode();
        await ready.WaitAsync(TimeSpan.FromSeconds(60));
        var pids = ShardPids();
        Assert.Equal(3, pids.Count);
        await StopAsync(node);
        Assert.All(pids, pid => Assert.False(IsAlive(pid), $"redis-server {pid} outlived the node"));
    }

    [Fact]
    public async Task Restart_AfterKill9_StopsOrphanedShardsAndServesAgain()
    {
        var (first, ready) = StartNode();
        await ready.WaitAsync(TimeSpan.FromSeconds(60));
        var orphans = ShardPids();
        first.Kill();
        // Not WaitForExitAsync: it also waits for the end of the redirected output, which the orphans keep open.
        await WaitUntilExitedAsync(first);
        Assert.All(orphans, pid => Assert.True(IsAlive(pid), "a shard died with its node; the orphan test proves nothing"));

        var (second, readyAgain) = StartNode();
        await readyAgain.WaitAsync(TimeSpan.FromSeconds(60));
        Assert.All(orphans, pid => Assert.False(IsAlive(pid), $"orphan redis-server {pid} still runs"));
        await using var client = await RawRespClient.ConnectAsync(_port);
        Assert.Equal("+PONG", await client.CommandAsync("PING"));
        await StopAsync(second);
    }

    [Fact]
    public async Task Start_EndpointPortInUse_ReportsThePortInItsLog()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, _port);
        squatter.Start();
        var log = new System.Collections.Concurrent.ConcurrentQueue<string>();
        var (node, _) = StartNode(log);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!log.Any(l => l.Contains($"port {_port} is already in use")) && DateTime.UtcNow < deadline && !node.HasExited)
        {
            await Task.Delay(100);
        }
        Assert.Contains(log, l => l.Contains($"port {_port} is already in use"));
        Assert.False(node.HasExited, "the node must keep running (and retry) when an endpoint port is taken");
        await StopAsync(node);
    }

    private (Process Node, Task<string> Ready) StartNode(System.Collections.Concurrent.ConcurrentQueue<string>? log = null)
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "spinel-node.dll");
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { dll, "--Node:Mode", "static", "--Node:Uid", "1", "--Node:DataDir", _dataDir, "--DefaultDb:Port", _port.ToString(),
            "--DefaultDb:FirstShardPort", _firstShardPort.ToString(), "--DefaultDb:MemoryMb", "64" })
        {
            info.ArgumentList.Add(arg);
        }
        var process = Process.Start(info)!;
        _nodes.Add(process);
        var ready = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is null)
            {
                return;
            }
            log?.Enqueue(e.Data);
            if (e.Data.StartsWith("READY", StringComparison.Ordinal))
            {
                ready.TrySetResult(e.Data);
            }
        };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is not null)
            {
                log?.Enqueue(e.Data);
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return (process, ready.Task);
    }

    private List<int> ShardPids()
    {
        var shards = Path.Combine(_dataDir, "shards");
        return [.. Directory.GetFiles(shards, "redis.pid", SearchOption.AllDirectories)
            .Select(f => int.Parse(File.ReadAllText(f).Trim()))];
    }

    private static bool IsAlive(int pid) =>
        File.Exists($"/proc/{pid}/cmdline") && File.ReadAllText($"/proc/{pid}/cmdline").Contains("redis-server") &&
        !File.ReadAllText($"/proc/{pid}/stat").Split(' ')[2].Equals("Z", StringComparison.Ordinal);

    private static async Task StopAsync(Process node)
    {
        Process.Start("kill", ["-TERM", node.Id.ToString()])!.WaitForExit();
        await WaitUntilExitedAsync(node);
    }

    private static async Task WaitUntilExitedAsync(Process node)
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (!node.HasExited)
        {
            Assert.True(DateTime.UtcNow < deadline, "the node did not exit within 30 s");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        foreach (var node in _nodes.Where(n => !n.HasExited))
        {
            node.Kill(entireProcessTree: true);
        }
        foreach (var pid in Directory.Exists(_dataDir) ? ShardPids() : [])
        {
            if (IsAlive(pid))
            {
                Process.GetProcessById(pid).Kill();
            }
        }
        try
        {
            Directory.Delete(_dataDir, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}
