using System.ComponentModel;
using System.Diagnostics;
using Spinel.Model;
using Spinel.NodeAgent.Configuration;

namespace Spinel.NodeAgent.Processes;

/// <summary>
/// One redis-server child process of a shard: started from its redis.conf, ready once it answers PING on its port,
/// stopped with <c>SHUTDOWN NOSAVE</c> (killed when that does not work). <see cref="Exited"/> completes the moment it exits.
/// </summary>
internal sealed partial class ShardProcess : IDisposable
{
    private readonly Process _process;
    private readonly ShardPaths _paths;
    private readonly TimeProvider _timeProvider;

    private ShardProcess(Process process, string host, int port, ShardPaths paths, TimeProvider timeProvider)
    {
        _process = process;
        Host = host;
        Port = port;
        _paths = paths;
        _timeProvider = timeProvider;
        Pid = process.Id;
        StartedAt = timeProvider.GetUtcNow();
        Exited = WatchExitAsync();
    }

    public int Pid { get; }

    public string Host { get; }

    public int Port { get; }

    public DateTimeOffset StartedAt { get; }

    /// <summary>Completes with the exit code (128 + signal when killed by a signal) when the process exits.</summary>
    public Task<int> Exited { get; }

    public bool HasExited => Exited.IsCompleted;

    /// <summary>
    /// Writes the shard's redis.conf, launches redis-server on it and waits until it answers PING as itself.
    /// Throws <see cref="ShardStartException"/> when it exits or times out first; the process is gone by then.
    /// </summary>
    public static async Task<ShardProcess> StartAsync(
        ShardSettings settings,
        ShardPaths paths,
        string executable,
        TimeSpan startTimeout,
        TimeProvider timeProvider,
        CancellationToken cancellationToken)
    {
        WriteConfig(settings, paths);
        var logOffset = File.Exists(paths.LogFile) ? new FileInfo(paths.LogFile).Length : 0;
        var startInfo = new ProcessStartInfo(executable)
        {
            UseShellExecute = false,
            WorkingDirectory = paths.Directory,
        };
        startInfo.ArgumentList.Add(paths.ConfigFile);
        var process = new Process { StartInfo = startInfo };
        try
        {
            process.Start();
        }
        catch (Win32Exception e)
        {
            process.Dispose();
            throw new ShardStartException($"cannot run {executable}: {e.Message}", inner: e);
        }

        var shard = new ShardProcess(process, settings.Host, settings.Port, paths, timeProvider);
        try
        {
            await shard.WaitUntilReadyAsync(startTimeout, logOffset, cancellationToken).ConfigureAwait(false);
            return shard;
        }
        catch
        {
            await shard.KillAsync().ConfigureAwait(false);
            shard.Dispose();
            throw;
        }
    }

    /// <summary>Writes redis.conf through a temporary file so a crash never leaves half a config behind.</summary>
    public static void WriteConfig(ShardSettings settings, ShardPaths paths)
    {
        Directory.CreateDirectory(paths.Directory);
        var temporary = paths.ConfigFile + ".tmp";
        File.WriteAllText(temporary, RedisConfigBuilder.Build(settings, paths));
        File.Move(temporary, paths.ConfigFile, overwrite: true);
    }

    /// <summary>
    /// Asks for <c>INFO</c> (replication and the sections metrics read); the result carries the shard's role and figures,
    /// or why it did not answer in time.
    /// </summary>
    public async Task<HealthCheckResult> CheckHealthAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var reply = await RespClient.ExecuteOnceAsync(Host, Port, ["INFO", "replication", "memory", "stats", "keyspace", "clients"], linked.Token).ConfigureAwait(false);
            return reply.Kind == RespReplyKind.BulkString && ReplicationInfo.TryParse(reply.Text, out var replication)
                ? HealthCheckResult.Healthy(replication, ShardInfoSample.Parse(reply.Text))
                : HealthCheckResult.Failed($"INFO replication answered {reply}");
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return HealthCheckResult.Failed($"INFO replication got no answer within {timeout.TotalMilliseconds:0} ms");
        }
        catch (Exception e) when (IsConnectionError(e))
        {
            return HealthCheckResult.Failed("INFO replication failed: " + e.Message);
        }
    }

    /// <summary>
    /// Stops the process: <c>SHUTDOWN NOSAVE</c> (SIGTERM when that cannot be sent), then SIGKILL after
    /// <paramref name="timeout"/> or as soon as <paramref name="cancellationToken"/> fires. Returns true when it had to kill.
    /// </summary>
    public async Task<bool> StopAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (HasExited)
        {
            return false;
        }
        await RequestShutdownAsync(timeout, cancellationToken).ConfigureAwait(false);
        if (await WaitForExitAsync(timeout, cancellationToken).ConfigureAwait(false))
        {
            return false;
        }
        await KillAsync().ConfigureAwait(false);
        return true;
    }

    /// <summary>SIGKILL, then waits for the exit to be reaped.</summary>
    public async Task KillAsync()
    {
        Kill();
        await Exited.ConfigureAwait(false);
    }

    /// <summary>SIGKILL without waiting.</summary>
    public void Kill()
    {
        if (HasExited)
        {
            return;
        }
        try
        {
            _process.Kill();
        }
        catch (InvalidOperationException)
        {
            // Exited between the check and the kill.
        }
    }

    public void Dispose()
    {
        if (HasExited)
        {
            _process.Dispose();
        }
    }

    private async Task RequestShutdownAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            var client = await RespClient.ConnectAsync(Host, Port, linked.Token).ConfigureAwait(false);
            await using (client.ConfigureAwait(false))
            {
                await client.SendAsync(["SHUTDOWN", "NOSAVE"], linked.Token).ConfigureAwait(false);
                // Success closes the connection without a reply; an error reply means it refused.
                var reply = await client.ReadReplyAsync(linked.Token).ConfigureAwait(false);
                if (reply.IsError)
                {
                    ProcessInspector.Signal(Pid, ProcessInspector.SigTerm);
                }
            }
        }
        catch (Exception e) when (IsConnectionError(e) || e is OperationCanceledException)
        {
            if (!HasExited)
            {
                ProcessInspector.Signal(Pid, ProcessInspector.SigTerm);
            }
        }
    }

    private async Task<bool> WaitForExitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        var delay = Task.Delay(timeout, _timeProvider, cancellationToken);
        await Task.WhenAny(Exited, delay).ConfigureAwait(false);
        return HasExited;
    }

    private async Task<int> WatchExitAsync()
    {
        await _process.WaitForExitAsync().ConfigureAwait(false);
        return _process.ExitCode;
    }

    internal static bool IsConnectionError(Exception e) =>
        e is IOException or System.Net.Sockets.SocketException or ObjectDisposedException or Spinel.Resp.Framing.RespProtocolException;
}
