using System.Globalization;
using System.Text;

namespace Spinel.NodeAgent.Processes;

internal sealed partial class ShardProcess
{
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(50);
    private static readonly TimeSpan ProbeTimeout = TimeSpan.FromSeconds(1);

    private async Task WaitUntilReadyAsync(TimeSpan startTimeout, long logOffset, CancellationToken cancellationToken)
    {
        var deadline = _timeProvider.GetUtcNow() + startTimeout;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (HasExited)
            {
                throw DescribeEarlyExit(await Exited.ConfigureAwait(false), logOffset);
            }
            if (_timeProvider.GetUtcNow() >= deadline)
            {
                throw new ShardStartException(
                    $"redis-server (pid {Pid}) did not answer PING on {Host}:{Port} within {startTimeout.TotalSeconds:0.#} s");
            }
            if (await ProbeAsync(cancellationToken).ConfigureAwait(false))
            {
                return;
            }
            await Task.WhenAny(Exited, Task.Delay(ProbeInterval, _timeProvider, cancellationToken)).ConfigureAwait(false);
        }
    }

    // True when our own process answers PING; another server on the port (which will make ours exit) does not count.
    private async Task<bool> ProbeAsync(CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(ProbeTimeout, _timeProvider);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        var probe = ProbeOnceAsync(linked.Token);
        if (await Task.WhenAny(probe, Exited).ConfigureAwait(false) != probe)
        {
            await linked.CancelAsync().ConfigureAwait(false);
        }
        try
        {
            return await probe.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
        catch (Exception e) when (IsConnectionError(e))
        {
            return false;
        }
    }

    private async Task<bool> ProbeOnceAsync(CancellationToken cancellationToken)
    {
        var client = await RespClient.ConnectAsync(Host, Port, cancellationToken).ConfigureAwait(false);
        await using (client.ConfigureAwait(false))
        {
            var pong = await client.ExecuteAsync(["PING"], cancellationToken).ConfigureAwait(false);
            if (pong is not { Kind: RespReplyKind.SimpleString, Text: "PONG" })
            {
                return false;
            }
            var info = await client.ExecuteAsync(["INFO", "server"], cancellationToken).ConfigureAwait(false);
            return ReadProcessId(info.Text) == Pid;
        }
    }

    internal static int? ReadProcessId(string? info)
    {
        foreach (var line in (info ?? "").Split('\n'))
        {
            if (line.StartsWith("process_id:", StringComparison.Ordinal) &&
                int.TryParse(line.AsSpan("process_id:".Length).Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var pid))
            {
                return pid;
            }
        }
        return null;
    }

    private ShardStartException DescribeEarlyExit(int exitCode, long logOffset)
    {
        var log = ReadLogSince(logOffset);
        if (log.Contains("Address already in use", StringComparison.Ordinal))
        {
            return new ShardStartException(
                $"port {Port} on {Host} is already in use by another process; redis-server exited with code {exitCode}",
                exitCode,
                portInUse: true);
        }
        var lastLine = log.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        var detail = lastLine is null ? " (nothing in redis.log; see the node's stderr)" : ": " + lastLine;
        return new ShardStartException($"redis-server exited with code {exitCode} while starting{detail}", exitCode);
    }

    private string ReadLogSince(long offset)
    {
        const int MaxTail = 16 * 1024;
        try
        {
            using var file = new FileStream(_paths.LogFile, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            var start = Math.Max(offset, file.Length - MaxTail);
            if (start > file.Length)
            {
                start = 0;
            }
            file.Position = start;
            using var reader = new StreamReader(file, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "";
        }
    }
}
