using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Spinel.Resp.Tests;

/// <summary>A real redis-server on a free local port in its own temp directory; killed and cleaned up on Dispose.</summary>
public sealed class TestRedisServer : IDisposable
{
    private readonly Process _process;
    private readonly string _directory;

    private TestRedisServer(Process process, string directory, int port)
    {
        _process = process;
        _directory = directory;
        Port = port;
    }

    public int Port { get; }

    /// <summary>Starts redis-server with <paramref name="extraArgs"/> (e.g. <c>--cluster-enabled yes</c>) and waits until it answers PING.</summary>
    public static TestRedisServer Start(params string[] extraArgs)
    {
        var directory = Directory.CreateTempSubdirectory("spinel-redis-").FullName;
        var port = FreePort();
        var start = new ProcessStartInfo("redis-server")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in new[] { "--port", port.ToString(System.Globalization.CultureInfo.InvariantCulture), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no", "--dir", directory })
        {
            start.ArgumentList.Add(arg);
        }
        foreach (var arg in extraArgs)
        {
            start.ArgumentList.Add(arg);
        }
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException("redis-server did not start");
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException("redis-server must be on PATH for integration tests", e);
        }
        // Drain output so the server never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new TestRedisServer(process, directory, port);
        try
        {
            server.WaitUntilReady();
        }
        catch
        {
            server.Dispose();
            throw;
        }
        return server;
    }

    public RespTestConnection Connect() => new(Port);

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill();
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }
        _process.Dispose();
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private void WaitUntilReady()
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException("redis-server exited with code " + _process.ExitCode);
            }
            try
            {
                using var connection = Connect();
                if (Equals(connection.Call("PING"), "PONG"))
                {
                    return;
                }
            }
            catch (SocketException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
            }
            catch (IOException) when (deadline.Elapsed < TimeSpan.FromSeconds(10))
            {
            }
            Thread.Sleep(50);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
