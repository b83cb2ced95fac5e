using System.Diagnostics;
using System.Globalization;
using System.Net.Sockets;

namespace Spinel.Proxy.Tests.Infrastructure;

/// <summary>
/// A real redis-server on a local port, in its own temp directory. It can be killed (as a crashed shard) and started
/// again on the same port; Dispose kills it and removes the directory.
/// </summary>
internal sealed class TestRedisServer : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("spinel-proxy-redis-").FullName;
    private Process? _process;

    private TestRedisServer(int port) => Port = port;

    public int Port { get; }

    /// <summary>Pid of the running redis-server.</summary>
    public int Pid => _process?.Id ?? throw new InvalidOperationException("redis-server is not running");

    public static async Task<TestRedisServer> StartAsync()
    {
        var server = new TestRedisServer(FreePort.Next());
        try
        {
            await server.RestartAsync();
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    /// <summary>Starts the server (again) on its port and waits until it answers PING.</summary>
    public async Task RestartAsync()
    {
        var start = new ProcessStartInfo("redis-server")
        {
            WorkingDirectory = _directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", Port.ToString(CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", _directory })
        {
            start.ArgumentList.Add(arg);
        }
        _process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        // Drain its output so it never blocks on a full pipe.
        _process.OutputDataReceived += (_, _) => { };
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        await WaitUntilReadyAsync(_process);
    }

    /// <summary>Kills the process at once (SIGKILL), as a crash, and waits until it is gone.</summary>
    public void Kill()
    {
        if (_process is { HasExited: false } process)
        {
            process.Kill();
            process.WaitForExit(5000);
        }
    }

    public Task<TestRespClient> ConnectAsync() => TestRespClient.ConnectAsync(Port);

    public void Dispose()
    {
        try
        {
            Kill();
        }
        catch (InvalidOperationException)
        {
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private async Task WaitUntilReadyAsync(Process process)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (true)
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException("redis-server exited with code " + process.ExitCode);
            }
            try
            {
                await using var client = await ConnectAsync();
                if (await client.CallAsync("PING") == "+PONG")
                {
                    return;
                }
            }
            catch (Exception ex) when (ex is SocketException or IOException && DateTime.UtcNow < deadline)
            {
            }
            await Task.Delay(20);
        }
    }
}
